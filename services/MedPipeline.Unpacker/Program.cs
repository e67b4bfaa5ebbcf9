using MedPipeline.Hosting;
using MedPipeline.Hosting.Health;
using MedPipeline.Unpacker;

var builder = WebApplication.CreateBuilder(args);
builder.AddMedPipelineDefaults("medpipeline-unpacker");
builder.AddUnpacker();

var app = builder.Build();
app.MapMedPipelineHealthEndpoints();
app.Run();
