namespace MedPipeline.Containers.Tests;

/// <summary>Where infra/compose.host-network.yml has each container listen on 127.0.0.1 (see the ports in its header).</summary>
internal static class HostNetworkPorts
{
    public const int RabbitMq = 61672;
    public const int Postgres = 61432;
    public const int Gateway = 61080;
    public const int SampleBackend = 61090;
    public const int Prometheus = 61099;
}
