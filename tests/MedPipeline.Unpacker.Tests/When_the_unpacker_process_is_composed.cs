using MedPipeline.Storage;
using Microsoft.AspNetCore.Builder;

namespace MedPipeline.Unpacker.Tests;

public sealed class When_the_unpacker_process_is_composed
{
    [Test]
    public void It_asks_for_the_store_by_its_interface_only()
    {
        var builder = WebApplication.CreateBuilder();

        builder.AddUnpacker();

        Assert.That(builder.Services.Count(d => d.ServiceType == typeof(ISeriesStore)), Is.EqualTo(1));
        Assert.That(builder.Services.Any(d => d.ServiceType == typeof(FileSystemStore)), Is.False, "no cast of the store to its file-system type");
    }
}
