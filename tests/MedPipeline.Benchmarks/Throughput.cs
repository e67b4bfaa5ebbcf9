using System.Diagnostics;
using System.Globalization;

namespace MedPipeline.Benchmarks;

/// <summary>Runs an operation repeatedly for about a second, five times after a warm-up, and reports the median rate.</summary>
internal static class Throughput
{
    public static void Measure(string name, int itemsPerCall, Action operation)
    {
        for (var i = 0; i < 3; i++)
        {
            operation();
        }

        var rates = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var calls = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(1))
            {
                operation();
                calls++;
            }

            rates.Add(calls * itemsPerCall / watch.Elapsed.TotalSeconds);
        }

        rates.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} {rates[2],10:F1} images/s  (min {rates[0]:F1}, max {rates[4]:F1})"));
    }
}
