using MassTransit;
using MedPipeline.Gateway.Identity;
using MedPipeline.Gateway.Options;
using MedPipeline.Organizations;
using Microsoft.Extensions.Options;

namespace MedPipeline.Gateway.Admin;

/// <summary>What the operator actions need, bound from the services with [AsParameters].</summary>
public sealed record AdminActionServices(SeriesActionTargetReader Targets, IPublishEndpoint Publish, OrganizationDirectory Organizations,
    IOptions<AdminOptions> Admin, IOptions<UploadOptions> Upload, AuditLog Audit);
