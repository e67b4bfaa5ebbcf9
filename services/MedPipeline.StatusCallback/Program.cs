using MedPipeline.Hosting;
using MedPipeline.Hosting.Health;
using MedPipeline.StatusCallback;

var builder = WebApplication.CreateBuilder(args);
builder.AddMedPipelineDefaults("medpipeline-statuscallback");
builder.AddStatusCallback();

var app = builder.Build();
app.MapMedPipelineHealthEndpoints();
app.Run();
