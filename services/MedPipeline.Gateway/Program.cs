using MedPipeline.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddGatewayServices();

var app = builder.Build();
app.MapGateway();
app.Run();

/// <summary>Entry point, public so integration tests can host the gateway.</summary>
public partial class Program;
