using MedPipeline.Hosting;
using MedPipeline.Hosting.Health;
using MedPipeline.Orchestrator;

var builder = WebApplication.CreateBuilder(args);
builder.AddMedPipelineDefaults("medpipeline-orchestrator");
builder.AddOrchestrator();

var app = builder.Build();
app.MapMedPipelineHealthEndpoints();
app.Run();
