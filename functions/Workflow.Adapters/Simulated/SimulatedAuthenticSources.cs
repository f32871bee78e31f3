using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Options;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Domain.Identifiers;
using Workflow.Orchestrations.Ports;

namespace Workflow.Adapters.Simulated;

/// <summary>
/// Stands in for the authentic sources of the one-view (§2.9: KBO, the national register, Dimona, DMFA) until the real
/// connections exist. Deterministic: the employer's figures follow from (seed, KBO number or self-employed reference),
/// the worker's from (seed, worker identity), so the same application always shows the caseworker the same data.
/// </summary>
public sealed class SimulatedAuthenticSources(IOptions<AuthenticSourcesSettings> settings, TimeProvider time) : IAuthenticSources
{
    public const string Employer = "employer";
    public const string Worker = "worker";

    static readonly string[] NaceCodes =
    [
        "62.010", // computer programming
        "86.101", // general hospitals
        "41.201", // construction of residential buildings
        "49.410", // freight transport by road
        "56.101", // restaurants
        "01.130", // growing of vegetables
        "71.121", // engineering
        "87.301", // residential care for the elderly
    ];

    public Task<AuthenticSourceOverview> GatherAsync(ApplicationDossier dossier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        DateTimeOffset now = time.GetUtcNow();
        return Task.FromResult(new AuthenticSourceOverview(dossier.ApplicationId, now, Gather(settings.Value.Seed, dossier, now)));
    }

    /// <summary>The records for an application: a pure function of the seed and the dossier's applicant and worker.</summary>
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Reproducible simulation data.")]
    public static IReadOnlyList<SourceRecord> Gather(int seed, ApplicationDossier dossier, DateTimeOffset retrievedAt)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        string seedText = seed.ToString(CultureInfo.InvariantCulture);
        string applicantKey = dossier.Employer?.Kbo ?? dossier.SelfEmployed?.Reference ?? "";
        bool selfEmployed = dossier.Employer is null;
        var records = new List<SourceRecord>();
        void Add(AuthenticSource source, string subject, string field, string value) =>
            records.Add(new SourceRecord(source, subject, field, value, retrievedAt));

        Random employer = SeededRandom.For("employer", seedText, applicantKey);

        // KBO (an addition to §2.9): the enterprise, its activity and its directors.
        if (selfEmployed && dossier.SelfEmployed?.Kbo is null)
        {
            Add(AuthenticSource.Kbo, Employer, "enterprise-status", "not-registered");
        }
        else
        {
            string legalName = dossier.Employer?.Name ?? $"{dossier.Worker.GivenName} {dossier.Worker.FamilyName}";
            int directors = selfEmployed ? 1 : employer.Next(1, 4);
            Add(AuthenticSource.Kbo, Employer, "enterprise-status", "active");
            Add(AuthenticSource.Kbo, Employer, "legal-name", legalName);
            Add(AuthenticSource.Kbo, Employer, "nace-code", NaceCodes[employer.Next(NaceCodes.Length)]);
            Add(AuthenticSource.Kbo, Employer, "directors", directors.ToString(CultureInfo.InvariantCulture));
            Add(
                AuthenticSource.Kbo,
                Employer,
                "director-ids",
                string.Join(',', Enumerable.Range(1, directors).Select(i => SeededRandom.Reference("dir-", seedText, applicantKey, i.ToString(CultureInfo.InvariantCulture)))));
        }

        // Dimona: who works there now; DMFA: what was declared last quarter.
        int headcount = selfEmployed ? employer.Next(0, 3) : Skewed(employer, 1, 400);
        int nonEuShare = headcount == 0 ? 0 : employer.Next(0, 41);
        int admittedStillEmployed = headcount == 0 ? 0 : employer.Next(0, Math.Min(headcount, 12) + 1);
        decimal averageWage = Math.Round(2_100m + (decimal)employer.NextDouble() * 4_400m, 2);
        Add(AuthenticSource.Dimona, Employer, "headcount", headcount.ToString(CultureInfo.InvariantCulture));
        Add(AuthenticSource.Dimona, Employer, "non-eu-share-percent", nonEuShare.ToString(CultureInfo.InvariantCulture));
        Add(AuthenticSource.Dimona, Employer, "admitted-workers-still-employed", admittedStillEmployed.ToString(CultureInfo.InvariantCulture));
        Add(AuthenticSource.Dmfa, Employer, "average-gross-monthly-wage-last-quarter-eur", averageWage.ToString("0.00", CultureInfo.InvariantCulture));

        // The national register knows INSZ holders only; a BIS number or a first-time worker is not registered there.
        WorkerDetails worker = dossier.Worker;
        string registration = "not-registered";
        if (worker.PersonNumber is not null && worker.PersonNumberKind == PersonNumberKind.Insz)
        {
            Random person = SeededRandom.For("worker", seedText, applicantKey, WorkerIdentity(worker));
            registration = person.NextDouble() < 0.9 ? "found" : "not-found";
        }

        Add(AuthenticSource.NationalRegister, Worker, "registration", registration);
        return records;
    }

    /// <summary>Who the worker is for the sources: the person number, or else passport, nationality and birth date.</summary>
    static string WorkerIdentity(WorkerDetails worker) =>
        worker.PersonNumber
        ?? string.Join('|', worker.PassportNumber ?? "", worker.Nationality ?? "", worker.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");

    /// <summary>Mostly small employers, a few large ones.</summary>
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Reproducible simulation data.")]
    static int Skewed(Random random, int min, int max) => min + (int)Math.Floor(Math.Pow(random.NextDouble(), 3) * (max - min));
}
