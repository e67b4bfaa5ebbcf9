using System.Globalization;

namespace MedPipeline.Onnx.Tests;

public sealed class When_sessions_are_used_hard
{
    [Test]
    public async Task Four_threads_running_500_times_each_on_one_session_get_identical_results()
    {
        using var session = InferenceSession.Open(TestModel.Path("boxblur.onnx"));
        var random = new Random(11);
        var input = Enumerable.Range(0, 64).Select(_ => (float)random.NextDouble()).ToArray();
        var reference = session.Run([new NamedTensor("image", input, [1, 1, 8, 8])]).Single().Data;

        var mismatches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var differing = 0;
            for (var i = 0; i < 500; i++)
            {
                var output = session.Run([new NamedTensor("image", input, [1, 1, 8, 8])]).Single().Data;
                differing += output.SequenceEqual(reference) ? 0 : 1;
            }

            return differing;
        })));

        Assert.That(mismatches, Is.All.EqualTo(0));
    }

    [Test]
    public async Task Disposing_during_concurrent_runs_makes_every_later_run_fail_with_ObjectDisposedException()
    {
        var session = InferenceSession.Open(TestModel.Path("boxblur.onnx"));
        var input = new float[64];
        using var running = new CountdownEvent(4);
        var deadline = DateTime.UtcNow.AddSeconds(20);

        var runners = Enumerable.Range(0, 4).Select(runner => Task.Run(() =>
        {
            for (var i = 0; DateTime.UtcNow < deadline; i++)
            {
                try
                {
                    _ = session.Run([new NamedTensor("image", input, [1, 1, 8, 8])]);
                }
                catch (ObjectDisposedException)
                {
                    return true;
                }

                if (i == 10)
                {
                    running.Signal();
                }
            }

            return false;
        })).ToList();
        running.Wait();
        session.Dispose();
        var sawDisposal = await Task.WhenAll(runners);

        Assert.That(sawDisposal, Is.All.True, "every runner stopped on ObjectDisposedException, none crashed or ran on");
    }

    [Test]
    public void Two_hundred_open_and_close_cycles_do_not_grow_memory_noticeably()
    {
        var bytes = File.ReadAllBytes(TestModel.Path("boxblur.onnx"));
        var input = new float[64];
        void Cycle()
        {
            using var session = InferenceSession.Open(bytes, new SessionSettings { IntraOpThreads = 1, InterOpThreads = 1 });
            _ = session.Run([new NamedTensor("image", input, [1, 1, 8, 8])]);
        }

        for (var i = 0; i < 20; i++)
        {
            Cycle();
        }

        var before = ResidentKilobytes();
        for (var i = 0; i < 200; i++)
        {
            Cycle();
        }

        var growthMegabytes = (ResidentKilobytes() - before) / 1024.0;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RSS growth over 200 session cycles: {growthMegabytes:F1} MB"));
        Assert.That(growthMegabytes, Is.LessThan(30));
    }

    private static long ResidentKilobytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
