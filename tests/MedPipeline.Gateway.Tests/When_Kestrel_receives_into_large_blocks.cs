using System.Buffers;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MedPipeline.Gateway.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Gateway.Tests;

/// <summary>The gateway's Kestrel receives into 64 KB pooled blocks; the pool, and a real Kestrel reading through it.</summary>
public sealed class When_Kestrel_receives_into_large_blocks
{
    [Test]
    public void A_block_is_64_KB_and_a_larger_request_is_refused()
    {
        using var pool = new LargeBlockMemoryPoolFactory().Create();
        using var block = pool.Rent();

        Assert.That(pool.MaxBufferSize, Is.EqualTo(64 * 1024));
        Assert.That(block.Memory.Length, Is.EqualTo(64 * 1024));
        Assert.That(() => pool.Rent((64 * 1024) + 1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_returned_block_is_rented_again_and_its_old_owner_can_no_longer_reach_it()
    {
        using var pool = new LargeBlockMemoryPool(1024, 4);
        var first = pool.Rent();
        var array = ArrayOf(first);
        first.Dispose();

        using var second = pool.Rent();

        Assert.That(ArrayOf(second), Is.SameAs(array));
        Assert.That(() => first.Memory, Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public void A_block_disposed_twice_is_kept_once()
    {
        using var pool = new LargeBlockMemoryPool(1024, 4);
        var block = pool.Rent();
        var array = ArrayOf(block);
        block.Dispose();
        block.Dispose();

        Assert.That(pool.RetainedBlocks, Is.EqualTo(1));
        using var a = pool.Rent();
        using var b = pool.Rent();
        Assert.That(ArrayOf(a), Is.SameAs(array));
        Assert.That(ArrayOf(b), Is.Not.SameAs(array), "the second rent got a new block, not the same one again");
    }

    [Test]
    public void Idle_blocks_beyond_the_cap_are_left_to_the_collector()
    {
        using var pool = new LargeBlockMemoryPool(1024, 2);
        var blocks = Enumerable.Range(0, 5).Select(_ => pool.Rent()).ToList();
        blocks.ForEach(b => b.Dispose());

        Assert.That(pool.RetainedBlocks, Is.EqualTo(2));
    }

    [Test]
    public void A_disposed_pool_rents_nothing_and_keeps_nothing()
    {
        var pool = new LargeBlockMemoryPool(1024, 2);
        pool.Rent().Dispose();
        var block = pool.Rent();
        pool.Rent().Dispose();
        Assert.That(pool.RetainedBlocks, Is.EqualTo(1));

        pool.Dispose();
        block.Dispose();

        Assert.That(pool.RetainedBlocks, Is.Zero);
        Assert.That(() => pool.Rent(), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public void The_gateway_gives_Kestrel_the_large_block_pools()
    {
        using var gateway = new GatewayFactory();

        Assert.That(gateway.Services.GetRequiredService<IMemoryPoolFactory<byte>>(), Is.InstanceOf<LargeBlockMemoryPoolFactory>());
    }

    [Test]
    public async Task An_upload_through_a_real_Kestrel_arrives_byte_for_byte_through_the_blocks()
    {
        var pools = new RecordingFactory();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>>(pools);
        await using var app = builder.Build();
        app.MapPost("/", async (HttpRequest request) =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[100_000];
            long length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                length += read;
            }

            return $"{length} {Convert.ToHexString(hash.GetHashAndReset())}";
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var body = new byte[20_000_003];
        new Random(7).NextBytes(body);

        using var client = new HttpClient();
        using var response = await client.PostAsync(address, new ByteArrayContent(body));
        var answer = await response.Content.ReadAsStringAsync();
        // Read before the stop: stopping disposes the pools, and a disposed pool keeps nothing.
        var retained = pools.Created.Sum(p => p.RetainedBlocks);
        await app.StopAsync();

        Assert.That(answer, Is.EqualTo($"{body.Length} {Convert.ToHexString(SHA256.HashData(body))}"));
        Assert.That(pools.Created, Is.Not.Empty);
        Assert.That(retained, Is.GreaterThan(0), "Kestrel rented blocks from the pools and returned them");
    }

    private static byte[] ArrayOf(IMemoryOwner<byte> block) =>
        MemoryMarshal.TryGetArray<byte>(block.Memory, out var segment) ? segment.Array! : throw new AssertionException("not an array");

    private sealed class RecordingFactory : IMemoryPoolFactory<byte>
    {
        private readonly LargeBlockMemoryPoolFactory _inner = new();

        public List<LargeBlockMemoryPool> Created { get; } = [];

        public MemoryPool<byte> Create(MemoryPoolOptions? options = null)
        {
            var pool = (LargeBlockMemoryPool)_inner.Create(options);
            lock (Created)
            {
                Created.Add(pool);
            }

            return pool;
        }
    }
}
