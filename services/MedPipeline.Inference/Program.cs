using MedPipeline.Hosting;
using MedPipeline.Hosting.Health;
using MedPipeline.Inference;

var builder = WebApplication.CreateBuilder(args);
builder.AddMedPipelineDefaults("medpipeline-inference");
builder.AddInference();

var app = builder.Build();
app.MapMedPipelineHealthEndpoints();
app.Run();
