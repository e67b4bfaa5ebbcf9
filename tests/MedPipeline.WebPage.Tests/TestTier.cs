using MedPipeline.Testing;

// Every test here starts real processes (see TestTiers).
[assembly: Category(TestTiers.Integration)]
