using System.Globalization;
using MedPipeline.LocalStack.Broker;
using YamlDotNet.RepresentationModel;
using static MedPipeline.Testing.Tests.KubernetesObject;

namespace MedPipeline.Testing.Tests;

/// <summary>infra/k8s as KEDA and the cluster use it: scaling on the right queues, Secrets, the shared store, pod hardening.</summary>
public sealed class When_keda_and_the_cluster_read_the_manifests
{
    private static readonly KubernetesManifests Manifests = KubernetesManifests.Read();

    [Test]
    public void Every_worker_is_scaled_on_its_own_queue_by_its_length_through_the_management_api()
    {
        var scaled = Manifests.OfKind("ScaledObject");

        Assert.That(scaled.Select(s => Scalar(s.Root, "spec", "scaleTargetRef", "name")),
            Is.EquivalentTo(KubernetesDeployments.ScaledWorkers.Select(w => KubernetesDeployments.NameOf[w])));
        foreach (var worker in KubernetesDeployments.ScaledWorkers)
        {
            var name = KubernetesDeployments.NameOf[worker];
            var scaledObject = scaled.Single(s => Scalar(s.Root, "spec", "scaleTargetRef", "name") == name);
            var trigger = Sequence(scaledObject.Root, "spec", "triggers").Cast<YamlMappingNode>().Single();
            var authentication = Manifests.Find("TriggerAuthentication", Scalar(trigger, "authenticationRef", "name"));
            Assert.Multiple(() =>
            {
                Assert.That(Manifests.Find("Deployment", name), Is.Not.Null);
                Assert.That(Scalar(trigger, "type"), Is.EqualTo("rabbitmq"), name);
                Assert.That(Scalar(trigger, "metadata", "queueName"), Is.EqualTo(PipelineBrokerAccess.Services[worker].Queues[0]), name);
                Assert.That(Scalar(trigger, "metadata", "mode"), Is.EqualTo("QueueLength"), name);
                Assert.That(Scalar(trigger, "metadata", "protocol"), Is.EqualTo("http"), name);
                Assert.That(int.Parse(Scalar(trigger, "metadata", "value")!, CultureInfo.InvariantCulture), Is.Positive, name);
                Assert.That(Count(scaledObject, "minReplicaCount"), Is.InRange(1, Count(scaledObject, "maxReplicaCount")), name);
                Assert.That(authentication, Is.Not.Null, name);
                Assert.That(Sequence(authentication!.Root, "spec", "secretTargetRef").Select(r => Scalar(r, "parameter")), Does.Contain("host"));
            });
        }
    }

    [Test]
    public void No_secret_is_committed_and_every_one_referenced_is_documented()
    {
        var readme = File.ReadAllText(Path.Combine(KubernetesManifests.Folder, "README.md"));
        var referenced = Manifests.Objects.SelectMany(o => o.Root.AllNodes).SelectMany(SecretNamesIn).Distinct().ToList();

        Assert.That(Manifests.OfKind("Secret"), Is.Empty);
        Assert.That(referenced, Is.Not.Empty);
        foreach (var secret in referenced)
        {
            Assert.That(readme, Does.Contain($"create secret generic {secret} "), secret);
        }
    }

    [Test]
    public void The_gateway_and_the_workers_share_the_store_on_one_read_write_many_claim()
    {
        var claim = Manifests.Find("PersistentVolumeClaim", "medpipeline-store")!;
        Assert.That(Sequence(claim.Root, "spec", "accessModes").Select(m => ((YamlScalarNode)m).Value), Does.Contain("ReadWriteMany"));

        foreach (var deployment in Manifests.OfKind("Deployment").Where(d => d.Environment.ContainsKey("Store__Path")))
        {
            var volume = Sequence(deployment.Root, "spec", "template", "spec", "volumes").Single(v => Scalar(v, "persistentVolumeClaim", "claimName") == claim.Name);
            var mount = Sequence(deployment.Container, "volumeMounts").Single(m => Scalar(m, "name") == Scalar(volume, "name"));

            Assert.That(Scalar(mount, "mountPath"), Is.EqualTo(Scalar(deployment.Environment["Store__Path"], "value")), deployment.Name);
        }

        Assert.That(Manifests.OfKind("Deployment").Where(d => d.Environment.ContainsKey("Store__Path")).Select(d => d.Name),
            Is.EquivalentTo(KubernetesDeployments.NameOf.Where(s => KubernetesDeployments.SettingsOf[s.Key].Contains("Store__Path")).Select(s => s.Value)));
    }

    [Test]
    public void Every_pod_runs_as_a_non_root_user_on_a_read_only_root_with_resources_and_a_disruption_budget()
    {
        var budgets = Manifests.OfKind("PodDisruptionBudget").Select(b => Scalar(b.Root, "spec", "selector", "matchLabels", "app.kubernetes.io/name")).ToList();

        foreach (var deployment in Manifests.OfKind("Deployment"))
        {
            var pod = Node(deployment.Root, "spec", "template", "spec")!;
            Assert.Multiple(() =>
            {
                Assert.That(Scalar(pod, "securityContext", "runAsNonRoot"), Is.EqualTo("true"), deployment.Name);
                Assert.That(int.Parse(Scalar(pod, "securityContext", "runAsUser")!, CultureInfo.InvariantCulture), Is.Positive, deployment.Name);
                Assert.That(Scalar(deployment.Container, "securityContext", "readOnlyRootFilesystem"), Is.EqualTo("true"), deployment.Name);
                Assert.That(Sequence(deployment.Container, "volumeMounts").Select(m => Scalar(m, "mountPath")), Does.Contain("/tmp"), deployment.Name);
                Assert.That(Scalar(pod, "terminationGracePeriodSeconds"), Is.Not.Null, deployment.Name);
                foreach (var bound in new[] { "requests", "limits" })
                {
                    Assert.That(Scalar(deployment.Container, "resources", bound, "cpu"), Is.Not.Null, $"{deployment.Name} {bound}");
                    Assert.That(Scalar(deployment.Container, "resources", bound, "memory"), Is.Not.Null, $"{deployment.Name} {bound}");
                }

                Assert.That(budgets, Does.Contain(deployment.Name), deployment.Name);
            });
        }

        var gateway = Manifests.OfKind("Service").Single(s => Scalar(s.Root, "spec", "selector", "app.kubernetes.io/name") == "gateway");
        Assert.That(Sequence(gateway.Root, "spec", "ports").Select(p => Scalar(p, "targetPort")), Does.Contain("http"));
    }

    private static int Count(KubernetesObject scaledObject, string key) =>
        int.Parse(Scalar(scaledObject.Root, "spec", key)!, CultureInfo.InvariantCulture);

    private static IEnumerable<string> SecretNamesIn(YamlNode node) =>
        new[] { Scalar(node, "secretKeyRef", "name"), Scalar(node, "secret", "secretName") }
            .Concat(Sequence(node, "secretTargetRef").Select(r => Scalar(r, "name")))
            .OfType<string>();
}
