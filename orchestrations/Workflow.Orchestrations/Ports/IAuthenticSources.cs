using Workflow.Orchestrations.Domain;

namespace Workflow.Orchestrations.Ports;

/// <summary>The authentic sources of the one-view (§2.9, VLAMA): DMFA, Dimona, the national register, and KBO (an addition).</summary>
public enum AuthenticSource
{
    Dmfa,
    Dimona,
    NationalRegister,
    Kbo,
}

/// <summary>One value from an authentic source, with where and when it was read.</summary>
public sealed record SourceRecord(AuthenticSource Source, string Subject, string Field, string Value, DateTimeOffset RetrievedAt);

/// <summary>Everything gathered for one application: kept in the dossier, shown to the caseworker.</summary>
public sealed record AuthenticSourceOverview(string ApplicationId, DateTimeOffset GatheredAt, IReadOnlyList<SourceRecord> Records);

/// <summary>Reads the authentic sources for an application's employer and worker.</summary>
public interface IAuthenticSources
{
    Task<AuthenticSourceOverview> GatherAsync(ApplicationDossier dossier, CancellationToken cancellationToken);
}
