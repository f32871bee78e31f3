using Microsoft.DurableTask;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>What admissibility is checked against: the documents the category required at submission.</summary>
public sealed record AdmissibilityCheck(string ApplicationId, IReadOnlyList<string> RequiredDocuments);

/// <summary>
/// What admissibility found, in codes: missing document types; which kinds of party are excluded (the references
/// stay in the dossier); correctness issues from the one-view. Only an exclusion or a missing document blocks.
/// </summary>
public sealed record AdmissibilityFindings(IReadOnlyList<string> MissingDocuments, IReadOnlyList<ExcludedParty> ExcludedParties, IReadOnlyList<string> CorrectnessIssues)
{
    public bool Excluded => this.ExcludedParties.Count > 0;
}

/// <summary>The admissibility findings as kept in the dossier, with the exclusions found (who, terms and decisions).</summary>
public sealed record AdmissibilityRecord(DateOnly SubmissionDate, IReadOnlyList<string> MissingDocuments, IReadOnlyList<ExclusionFound> Exclusions, IReadOnlyList<string> CorrectnessIssues);

/// <summary>
/// Admissibility (§2.9 completeness and correctness, §2.1 exclusions), using the one-view gathered before it: the
/// required documents; the exclusion registry for the employer <b>and every current director</b> in KBO (an excluded
/// party cannot apply); and correctness checks of the declared data against the authentic sources. Directors are
/// looked up by the fingerprint of their person number (<see cref="IPartyFingerprint"/>); the numbers themselves stay
/// in the dossier.
/// </summary>
public sealed class CheckAdmissibilityActivity(IDossierStore dossiers, IExclusionRegistry exclusions, IPartyFingerprint fingerprints) : TaskActivity<AdmissibilityCheck, AdmissibilityFindings>
{
    public const string Record = "admissibility.json";

    public override async Task<AdmissibilityFindings> RunAsync(TaskActivityContext context, AdmissibilityCheck input)
    {
        ArgumentNullException.ThrowIfNull(input);
        IReadOnlyList<StoredDocument> documents = await dossiers.ListDocumentsAsync(input.ApplicationId, CancellationToken.None);
        var present = documents.Select(d => d.Type).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> missing = [.. input.RequiredDocuments.Where(type => !present.Contains(type))];

        ApplicationDossier dossier = await dossiers.GetApplicationAsync(input.ApplicationId, CancellationToken.None)
            ?? throw new InvalidOperationException($"The dossier of application {input.ApplicationId} is missing.");
        AuthenticSourceOverview? overview = await dossiers.GetRecordAsync<AuthenticSourceOverview>(
            input.ApplicationId, GatherAuthenticSourcesActivity.OverviewRecord, CancellationToken.None);

        // Exclusions are judged as the registry stood when the party applied, on the submission date.
        DateOnly submissionDate = Policy.PolicyCatalog.BelgianDate(dossier.SubmittedAt);
        Dictionary<string, (ExcludedParty Party, string Reference)> parties = this.Parties(dossier, overview);
        IReadOnlyList<ExclusionInForce> found = parties.Count == 0 ? [] : await exclusions.FindInForceAsync(parties.Keys, dossier.SubmittedAt, CancellationToken.None);
        IReadOnlyList<string> issues = overview is null ? ["authentic-sources-unavailable"] : CorrectnessIssues(dossier, overview);

        List<ExclusionFound> record = [.. found.Select(e => new ExclusionFound(
            e.Party, parties[e.PartyKey].Reference, e.Terms.From, e.Terms.Until, e.Terms.ReasonCode, e.Terms.DecisionReference, e.ExclusionId))];
        await dossiers.SaveRecordAsync(input.ApplicationId, Record, new AdmissibilityRecord(submissionDate, missing, record, issues), CancellationToken.None);
        return new AdmissibilityFindings(missing, [.. found.Select(e => e.Party).Distinct().Order()], issues);
    }

    /// <summary>
    /// The parties the registry is asked about, by their keys: the employer (or the self-employed person's enterprise)
    /// and every current director KBO lists, each with the reference the dossier shows the caseworker.
    /// </summary>
    Dictionary<string, (ExcludedParty Party, string Reference)> Parties(ApplicationDossier dossier, AuthenticSourceOverview? overview)
    {
        var parties = new Dictionary<string, (ExcludedParty, string)>(StringComparer.Ordinal);
        if ((dossier.Employer?.Kbo ?? dossier.SelfEmployed?.Kbo) is string kbo)
        {
            parties[PartyKeys.Employer(kbo)] = (ExcludedParty.Employer, kbo);
        }

        string? directors = overview?.Value(AuthenticSource.Kbo, SourceFields.Employer, SourceFields.DirectorPersonNumbers);
        foreach (string director in (directors ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Domain.Identifiers.PersonNumber.Check(director).IsValid && Domain.Identifiers.PersonNumber.Normalize(director) is string number)
            {
                parties[PartyKeys.Director(fingerprints, number)] = (ExcludedParty.Director, number);
            }
        }

        return parties;
    }

    /// <summary>Where the declared data and the authentic sources disagree: shown to the caseworker, not blocking.</summary>
    static List<string> CorrectnessIssues(ApplicationDossier dossier, AuthenticSourceOverview overview)
    {
        var issues = new List<string>();
        string? status = overview.Value(AuthenticSource.Kbo, SourceFields.Employer, SourceFields.EnterpriseStatus);
        if (dossier.Employer is not null && status != "active")
        {
            issues.Add("kbo-enterprise-not-active");
        }

        if (dossier.Employer is { } employer
            && overview.Value(AuthenticSource.Kbo, SourceFields.Employer, SourceFields.LegalName) is string legalName
            && !string.Equals(legalName.Trim(), employer.Name.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            issues.Add("employer-name-differs-from-kbo");
        }

        if (dossier.Worker.PersonNumberKind == Domain.Identifiers.PersonNumberKind.Insz
            && overview.Value(AuthenticSource.NationalRegister, SourceFields.Worker, SourceFields.Registration) == "not-found")
        {
            issues.Add("worker-not-in-national-register");
        }

        return issues;
    }
}
