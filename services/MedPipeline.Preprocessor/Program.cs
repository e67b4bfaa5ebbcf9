using MedPipeline.Hosting;
using MedPipeline.Hosting.Health;
using MedPipeline.Preprocessor;

var builder = WebApplication.CreateBuilder(args);
builder.AddMedPipelineDefaults("medpipeline-preprocessor");
builder.AddPreprocessor();

var app = builder.Build();
app.MapMedPipelineHealthEndpoints();
app.Run();
