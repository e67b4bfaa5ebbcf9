using System.Diagnostics;
using System.Globalization;
using MedPipeline.Gateway.Similar;
using MedPipeline.Testing;
using Npgsql;
using NpgsqlTypes;

namespace MedPipeline.Benchmarks;

/// <summary>
/// `-- similar [count]`: the similar-case search over <c>count</c> (default 100,000) stored series of one organization and
/// model in a private PostgreSQL, through the gateway's own classes as GET …/similar calls them (the asked series'
/// embedding read, the index brought up to date, the brute-force search, the candidates' rows read): the first query's
/// load, then the p50/p99 of 500 queries, k = 10, and the search alone.
/// </summary>
internal static class SimilarCaseBenchmark
{
    private const int Width = 128; // the shipped xray-anomaly model's embedding
    private const int Queries = 500;

    public static async Task RunAsync(int count)
    {
        Console.WriteLine($"Similar-case search: {count:N0} stored series, {Width}-number embeddings, k = 10, {Environment.ProcessorCount} cores");
        var database = await (await TestServices.PostgresAsync()).CreatePipelineDatabaseAsync("similar");
        try
        {
            var ids = await FillAsync(database.Orchestrator, count);
            await using var gateway = NpgsqlDataSource.Create(database.Gateway);
            var reader = new SimilarCaseReader(gateway);
            var index = new SimilarCaseIndex(reader);
            var random = new Random(7);

            var before = GC.GetTotalMemory(forceFullCollection: true);
            var clock = Stopwatch.StartNew();
            await QueryAsync(reader, index, ids[0]);
            Console.WriteLine($"  first query (loads the index): {clock.Elapsed.TotalMilliseconds:F0} ms; index holds {index.CountOf("st-olaf", "xray-anomaly"):N0} series, "
                + $"{(GC.GetTotalMemory(forceFullCollection: true) - before) / 1e6:F0} MB");

            var total = new List<double>(Queries);
            for (var i = 0; i < Queries; i++)
            {
                clock.Restart();
                var found = await QueryAsync(reader, index, ids[random.Next(ids.Length)]);
                total.Add(clock.Elapsed.TotalMilliseconds);
                if (found > 10)
                {
                    throw new InvalidOperationException($"a query answered {found} series for k = 10");
                }
            }

            total.Sort();
            Console.WriteLine($"  query, {Queries} times: p50 {Percentiles.Of(total, 50):F2} ms, p99 {Percentiles.Of(total, 99):F2} ms");
        }
        finally
        {
            await TestServices.StopAsync();
        }
    }

    private static async Task<int> QueryAsync(SimilarCaseReader reader, SimilarCaseIndex index, Guid id)
    {
        var asked = await reader.EmbeddingOfAsync(id, CancellationToken.None) ?? throw new InvalidOperationException("the asked series is missing");
        return (await index.NearestAsync("st-olaf", "xray-anomaly", asked, 10, CancellationToken.None)).Count;
    }

    /// <summary>The read model with <paramref name="count"/> completed series of random unit embeddings, by binary COPY.</summary>
    private static async Task<Guid[]> FillAsync(string orchestrator, int count)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(orchestrator);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(SimilarCaseTable.Create, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var random = new Random(1);
        var ids = new Guid[count];
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY medpipe_read.series_status (correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, status, attempt, attempt_id, "
            + "finished_at, prediction, callbacks, updated_at, embedding, embedding_model) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                ids[i] = Guid.NewGuid();
                var vector = new float[Width];
                for (var d = 0; d < Width; d++) vector[d] = (float)(random.NextDouble() - 0.5);
                var length = MathF.Sqrt(vector.Sum(v => v * v));
                for (var d = 0; d < Width; d++) vector[d] /= length;
                await copy.StartRowAsync();
                await copy.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync("st-olaf", NpgsqlDbType.Text);
                await copy.WriteAsync("1.2.826.0.1", NpgsqlDbType.Text);
                await copy.WriteAsync($"1.2.826.0.1.{i.ToString(CultureInfo.InvariantCulture)}", NpgsqlDbType.Text);
                await copy.WriteAsync("xray-anomaly", NpgsqlDbType.Text);
                await copy.WriteAsync("Completed", NpgsqlDbType.Text);
                await copy.WriteAsync("completed", NpgsqlDbType.Text);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(start.AddMinutes(i), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("{\"ReconstructionMse\": 0.002, \"IsAnomaly\": false}", NpgsqlDbType.Jsonb);
                await copy.WriteAsync("{}", NpgsqlDbType.Jsonb);
                await copy.WriteAsync(start.AddMinutes(i), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(vector, NpgsqlDbType.Array | NpgsqlDbType.Real);
                await copy.WriteAsync("bench", NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        Console.WriteLine($"  stored {count:N0} series in {clock.Elapsed.TotalSeconds:F1} s");
        return ids;
    }
}
