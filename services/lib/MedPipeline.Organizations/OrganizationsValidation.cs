using Microsoft.Extensions.Options;

namespace MedPipeline.Organizations;

/// <summary>Refuses to start with an organization whose callback URL is missing or not absolute http(s).</summary>
internal sealed class OrganizationsValidation : IValidateOptions<Dictionary<string, OrganizationOptions>>
{
    public ValidateOptionsResult Validate(string? name, Dictionary<string, OrganizationOptions> options)
    {
        var failures = new List<string>();
        if (options.Count == 0)
        {
            failures.Add("Organizations: no organization is configured (set Organizations:{name}:CallbackBaseUrl).");
        }

        foreach (var (organization, settings) in options)
        {
            if (SeriesRequestFields.Name(organization) is { } badName)
            {
                failures.Add($"Organizations: the organization name '{organization}' {badName} (it names store prefixes and broker exchanges).");
            }

            if (!Uri.TryCreate(settings.CallbackBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                failures.Add($"Organizations:{organization}:CallbackBaseUrl must be an absolute http(s) URL, not '{settings.CallbackBaseUrl}'.");
            }
            else if (uri.Scheme == "http" && !uri.IsLoopback && !settings.AllowPlainHttpCallback)
            {
                failures.Add($"Organizations:{organization}:CallbackBaseUrl must be https (results and the bearer token would cross the network in clear text); "
                    + $"plain http is allowed for a loopback backend, or with Organizations:{organization}:AllowPlainHttpCallback=true.");
            }

            failures.AddRange(ApiKeyRules.Check(organization, settings.ApiKeys));
            failures.AddRange(DicomExportRules.Check(organization, settings.DicomExport));
        }

        failures.AddRange(ApiKeyRules.CheckUnique(options));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
