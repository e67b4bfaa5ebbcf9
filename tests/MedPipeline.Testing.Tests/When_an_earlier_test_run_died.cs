using System.Diagnostics;
using MedPipeline.LocalStack;
using MedPipeline.Testing;

namespace MedPipeline.Testing.Tests;

[Category(TestTiers.Integration)]
public sealed class When_an_earlier_test_run_died
{
    [Test]
    public async Task Its_leftover_processes_are_stopped_by_PID_and_its_files_deleted()
    {
        // A stand-in for a broker left by a killed run: marked with an owner whose start time no
        // longer matches any live process.
        var directory = FixtureDirectory.Create("stale");
        var info = new ProcessStartInfo("/bin/sleep", "300") { UseShellExecute = false };
        info.Environment[FixtureMarker.TokenVariable] = Guid.NewGuid().ToString("N");
        info.Environment[FixtureMarker.OwnerVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment[FixtureMarker.OwnerStartVariable] = "0";
        info.Environment[FixtureMarker.DirectoryVariable] = directory;
        using var leftover = Process.Start(info)!;
        await WaitUntilMarkedAsync(leftover.Id);

        var stopped = await MarkedProcesses.StopStaleAsync();

        Assert.That(stopped, Is.GreaterThanOrEqualTo(1));
        Assert.That(leftover.WaitForExit(5000), Is.True, "the leftover process is still running");
        Assert.That(Directory.Exists(directory), Is.False, "the leftover directory is still there");
    }

    [Test]
    public async Task The_services_of_the_live_run_are_left_alone()
    {
        await TestServices.PostgresAsync();
        Assume.That(TestServices.PrivatePostgres, Is.Not.Null, "an external database is in use");

        await MarkedProcesses.StopStaleAsync();

        Assert.That(Process.GetProcessById(TestServices.PrivatePostgres!.Pid).HasExited, Is.False);
    }

    private static async Task WaitUntilMarkedAsync(int pid)
    {
        for (var i = 0; i < 50 && MarkedProcesses.FindAll().All(p => p.Pid != pid); i++)
        {
            await Task.Delay(20);
        }
    }
}
