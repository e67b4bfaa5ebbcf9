namespace MedPipeline.Storage.Tests;

/// <summary>One class says where everything lives in the store; the workers and the gateway ask it.</summary>
public sealed class When_the_store_layout_is_asked
{
    private static readonly Guid Correlation = Guid.Parse("0f0e0d0c-0b0a-0908-0706-050403020100");
    private static readonly Guid Attempt = Guid.Parse("00000000-0000-0000-0000-0000000000aa");

    [Test]
    public void An_attempt_keeps_its_instances_index_and_tensors_under_one_prefix()
    {
        var attempt = StoreLayout.SeriesAttempt(Correlation, Attempt);
        var instances = StoreLayout.Instances(Correlation, Attempt);

        Assert.That(attempt, Is.EqualTo("series/0f0e0d0c0b0a09080706050403020100/000000000000000000000000000000aa"));
        Assert.That(instances, Is.EqualTo($"{attempt}/instances"));
        Assert.That(StoreLayout.Instance(instances, 7), Is.EqualTo($"{attempt}/instances/00007.dcm"));
        Assert.That(StoreLayout.InstanceIndexOf(instances), Is.EqualTo($"{attempt}/instance-index.json"), "beside the instances, so listing them never yields it");
        Assert.That(StoreLayout.TensorsOf(instances), Is.EqualTo($"{attempt}/tensors"));
        Assert.That(StoreLayout.TensorBatch(StoreLayout.TensorsOf(instances), 2), Is.EqualTo($"{attempt}/tensors/batch-00002.f32"));
        Assert.That(StoreLayout.TensorIndex(StoreLayout.TensorsOf(instances)), Is.EqualTo($"{attempt}/tensors/index.json"));
    }

    [Test]
    public void Uploads_live_under_their_organizations_archives_and_only_uploads_and_series_data_may_be_deleted()
    {
        var archive = StoreLayout.Archive("st-olaf", Correlation);

        Assert.That(archive, Is.EqualTo("archives/st-olaf/0f0e0d0c0b0a09080706050403020100.zip"));
        Assert.That(StoreLayout.ArchivesOf("st-olaf"), Is.EqualTo("archives/st-olaf"));
        Assert.That(StoreLayout.IsDeletable(archive), Is.True);
        Assert.That(StoreLayout.IsDeletable(StoreLayout.SeriesAttempt(Correlation, Attempt)), Is.True);
        Assert.That(StoreLayout.IsDeletable("models/x.onnx"), Is.False);
        Assert.That(StoreLayout.IsDeletable("archivesX/a.zip"), Is.False);
    }

    [Test]
    public void An_archive_belongs_to_an_organization_only_as_a_plain_key_below_its_prefix()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StoreLayout.IsArchiveOf("st-olaf", "archives/st-olaf/a.zip"), Is.True);
            Assert.That(StoreLayout.IsArchiveOf("st-olaf", "archives/other-hospital/a.zip"), Is.False);
            Assert.That(StoreLayout.IsArchiveOf("st-olaf", "archives/st-olaf-2/a.zip"), Is.False);
            Assert.That(StoreLayout.IsArchiveOf("st-olaf", "archives/st-olaf/../other-hospital/a.zip"), Is.False);
            Assert.That(StoreLayout.IsArchiveOf("st-olaf", "/archives/st-olaf/a.zip"), Is.False);
            Assert.That(StoreLayout.IsArchiveOf("st-olaf", "archives/st-olaf"), Is.False);
            Assert.That(StoreLayout.IsArchiveOf("..", "archives/../a.zip"), Is.False);
            Assert.That(() => StoreLayout.ArchivesOf("st-olaf/x"), Throws.ArgumentException, "an organization is one key segment");
            Assert.That(() => StoreLayout.Archive("..", Correlation), Throws.ArgumentException);
        });
    }

    [Test]
    public void A_key_from_a_message_is_validated_before_anything_is_derived_from_it() =>
        Assert.That(() => StoreLayout.TensorsOf("series/../../etc/instances"), Throws.ArgumentException);

    [TestCase("archives/st-olaf/a.zip\n")]
    [TestCase("archives/st-olaf/a.zip\r\n")]
    [TestCase("\narchives/st-olaf/a.zip")]
    public void A_key_with_a_line_break_is_refused(string key) =>
        Assert.That(() => StoreKey.Validate(key), Throws.ArgumentException);
}
