namespace Workflow.Application.Ports;

/// <summary>The director an exclusion names: their INSZ or BIS number in canonical form (11 digits). Personal data: Blob only.</summary>
public sealed record ExcludedPerson(string ExclusionId, string PersonNumber);
