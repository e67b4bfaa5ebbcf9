using System.Text.RegularExpressions;
using MedPipeline.LocalStack.Broker;
using YamlDotNet.RepresentationModel;
using static MedPipeline.Testing.Tests.KubernetesObject;

namespace MedPipeline.Testing.Tests;

/// <summary>infra/k8s parsed as YAML and held against the code: service names, ports, settings and broker users.</summary>
public sealed partial class When_the_kubernetes_manifests_are_read
{
    private static readonly KubernetesManifests Manifests = KubernetesManifests.Read();

    [Test]
    public void Every_document_names_its_api_version_kind_and_name()
    {
        Assert.That(Manifests.Objects, Is.Not.Empty);
        foreach (var manifest in Manifests.Objects)
        {
            Assert.That(Scalar(manifest.Root, "apiVersion"), Is.Not.Null.And.Not.Empty, manifest.File);
            Assert.That(manifest.Kind, Is.Not.Null.And.Not.Empty, manifest.File);
            Assert.That(manifest.Name, Is.Not.Null.And.Not.Empty, manifest.File);
        }

        Assert.That(Manifests.Objects.Select(o => $"{o.Kind}/{o.Name}"), Is.Unique);
    }

    [Test]
    public void The_kustomization_lists_every_manifest()
    {
        var kustomization = KubernetesManifests.Load(KubernetesManifests.KustomizationFile).Single().RootNode;
        var resources = Sequence(kustomization, "resources").Cast<YamlScalarNode>().Select(r => r.Value);

        Assert.That(resources, Is.EquivalentTo(KubernetesManifests.Files.Where(f => f != KubernetesManifests.KustomizationFile)));
    }

    [Test]
    public void Every_pipeline_service_has_one_deployment_probed_on_its_health_endpoints_at_the_image_port()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "service.Dockerfile"));
        var imagePort = int.Parse(ImageUrls().Match(dockerfile).Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(Manifests.OfKind("Deployment").Select(d => d.Name), Is.EquivalentTo(KubernetesDeployments.NameOf.Values));
        foreach (var name in KubernetesDeployments.NameOf.Values)
        {
            var deployment = Manifests.Find("Deployment", name)!;
            var container = deployment.Container;
            var port = Sequence(container, "ports").Cast<YamlMappingNode>().Single();
            Assert.Multiple(() =>
            {
                Assert.That(Scalar(container, "image"), Is.EqualTo($"medpipeline/{name}:latest"));
                Assert.That(Scalar(port, "containerPort"), Is.EqualTo($"{imagePort}"), name);
                Assert.That(Scalar(container, "livenessProbe", "httpGet", "path"), Is.EqualTo("/health/live"), name);
                Assert.That(Scalar(container, "readinessProbe", "httpGet", "path"), Is.EqualTo("/health/ready"), name);
                foreach (var probe in new[] { "livenessProbe", "readinessProbe" })
                {
                    Assert.That(Scalar(container, probe, "httpGet", "port"), Is.AnyOf(Scalar(port, "name"), $"{imagePort}"), $"{name} {probe}");
                }

                Assert.That(Scalar(deployment.Root, "spec", "selector", "matchLabels", "app.kubernetes.io/name"), Is.EqualTo(name));
                Assert.That(Scalar(deployment.Root, "spec", "template", "metadata", "labels", "app.kubernetes.io/name"), Is.EqualTo(name));
            });
        }
    }

    [Test]
    public void Every_deployment_connects_to_the_broker_as_its_own_user()
    {
        foreach (var (service, name) in KubernetesDeployments.NameOf)
        {
            var uri = Manifests.Find("Deployment", name)!.Environment["RabbitMq__Uri"];

            Assert.That(Scalar(uri, "valueFrom", "secretKeyRef", "name"), Is.EqualTo($"{PipelineBrokerAccess.Services[service].User}-amqp"), name);
        }
    }

    [Test]
    public void Every_deployment_gets_the_settings_its_service_reads_and_credentials_only_from_secrets()
    {
        foreach (var (service, name) in KubernetesDeployments.NameOf)
        {
            var environment = Manifests.Find("Deployment", name)!.Environment;

            Assert.That(environment.Keys, Is.SupersetOf(KubernetesDeployments.SettingsOf[service]), name);
            // Only the orchestrator and the gateway have a database login, as in LocalPipeline.
            Assert.That(environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)),
                Is.EquivalentTo(KubernetesDeployments.SettingsOf[service].Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal))), name);
            foreach (var (setting, entry) in environment.Where(e => KubernetesDeployments.IsSecret(e.Key)))
            {
                Assert.That(Node(entry, "value"), Is.Null, $"{name} {setting}");
                Assert.That(Scalar(entry, "valueFrom", "secretKeyRef", "name"), Is.Not.Null, $"{name} {setting}");
            }
        }
    }

    [GeneratedRegex(@"ASPNETCORE_URLS=http://\+:(?<port>\d+)")]
    private static partial Regex ImageUrls();
}
