namespace MedPipeline.Persistence.Schema;

/// <summary>One forward-only step of one component's schema (the core tables, or one saga table).</summary>
public sealed record Migration(string Component, int Version, string Sql);
