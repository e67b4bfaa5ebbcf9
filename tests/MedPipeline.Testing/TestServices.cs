using MedPipeline.LocalStack;

namespace MedPipeline.Testing;

/// <summary>
/// The broker and database for one test run (one test process): started on first use, stopped by
/// <see cref="StopAsync"/> from the assembly's SetUpFixture, or on process exit. Set
/// MEDPIPE_TEST_RABBITMQ (amqp URI) with MEDPIPE_TEST_RABBITMQ_MANAGEMENT (http URI), and/or
/// MEDPIPE_TEST_POSTGRES (a superuser's connection string; the pipeline's roles are created on it with
/// new passwords), to use external ones instead (CI service containers).
/// </summary>
public static class TestServices
{
    public const string ExternalRabbitMqVariable = "MEDPIPE_TEST_RABBITMQ";
    public const string ExternalRabbitMqManagementVariable = "MEDPIPE_TEST_RABBITMQ_MANAGEMENT";
    public const string ExternalPostgresVariable = "MEDPIPE_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static bool _staleSwept;
    private static PrivateRabbitMq? _rabbitMq;
    private static PrivatePostgres? _postgres;
    private static RabbitMqEndpoint? _rabbitMqEndpoint;
    private static PostgresEndpoint? _postgresEndpoint;

    static TestServices() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAsync().GetAwaiter().GetResult();

    public static PrivateRabbitMq? PrivateRabbitMq => _rabbitMq;

    public static PrivatePostgres? PrivatePostgres => _postgres;

    public static Task<RabbitMqEndpoint> RabbitMqAsync() => GetAsync(() => _rabbitMqEndpoint, async () =>
    {
        var external = Environment.GetEnvironmentVariable(ExternalRabbitMqVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return _rabbitMqEndpoint = ExternalRabbitMq.Parse(external,
                Environment.GetEnvironmentVariable(ExternalRabbitMqManagementVariable));
        }

        _rabbitMq = await PrivateRabbitMq.StartAsync(StartTimeout);
        return _rabbitMqEndpoint = _rabbitMq.Endpoint;
    });

    public static Task<PostgresEndpoint> PostgresAsync() => GetAsync(() => _postgresEndpoint, async () =>
    {
        var external = Environment.GetEnvironmentVariable(ExternalPostgresVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return _postgresEndpoint = await PostgresEndpoint.WithRolesAsync(external, PostgresRoleLogins.DerivedFrom(external));
        }

        _postgres = await PrivatePostgres.StartAsync(StartTimeout);
        return _postgresEndpoint = _postgres.Endpoint;
    });

    public static async Task StopAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_rabbitMq is not null)
            {
                await _rabbitMq.DisposeAsync();
                _rabbitMq = null;
            }

            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
                _postgres = null;
            }

            _rabbitMqEndpoint = null;
            _postgresEndpoint = null;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<T> GetAsync<T>(Func<T?> current, Func<Task<T>> start)
        where T : class
    {
        FastTestTier.RefuseToStart("the test broker or database");
        await Gate.WaitAsync();
        try
        {
            if (!_staleSwept)
            {
                _staleSwept = true;
                await MarkedProcesses.StopStaleAsync();
            }

            return current() ?? await start();
        }
        finally
        {
            Gate.Release();
        }
    }
}
