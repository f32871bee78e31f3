namespace Workflow.Application.Ports;

/// <summary>
/// The person numbers of excluded directors, kept with the dossiers (Blob storage, the one store of personal data) under
/// the exclusion's id; the registry's tables know them only by fingerprint.
/// </summary>
public interface IExcludedPersons
{
    /// <summary>Keeps the number; the first record of an exclusion stays (a repeat changes nothing).</summary>
    Task SaveAsync(ExcludedPerson person, CancellationToken cancellationToken);

    Task<ExcludedPerson?> GetAsync(string exclusionId, CancellationToken cancellationToken);
}
