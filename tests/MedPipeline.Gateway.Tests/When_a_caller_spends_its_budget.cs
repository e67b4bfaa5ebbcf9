using System.Net;

namespace MedPipeline.Gateway.Tests;

public sealed class When_a_caller_spends_its_budget
{
    [Test]
    public async Task The_request_past_the_budget_is_429_with_Retry_After()
    {
        await using var factory = new GatewayFactory(anonymousSingleImage: true,
            ("Gateway:RateLimits:SingleImage:PerAddress", "2"), ("Gateway:RateLimits:Window", "00:01:00"));
        using var client = factory.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("api/models");
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            }
        }

        Assert.That(answers, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
    }

    [Test]
    public async Task The_page_carries_headers_that_stop_framing_sniffing_and_foreign_scripts()
    {
        await using var factory = new GatewayFactory();
        using var client = factory.CreateClient();

        using var page = await client.GetAsync("/");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.That(csp, Does.Contain("default-src 'self'").And.Contain("frame-ancestors 'none'"));
        Assert.That(page.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }
}
