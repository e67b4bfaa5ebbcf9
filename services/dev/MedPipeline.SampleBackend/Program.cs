using MedPipeline.SampleBackend;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddSingleton<ReceivedCallbacks>();
builder.Services.AddSingleton<SimulatedOutage>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleBackendJson.Default));

var app = builder.Build();
app.MapSampleBackend(app.Configuration["SampleBackend:BearerToken"]);
app.Run();
