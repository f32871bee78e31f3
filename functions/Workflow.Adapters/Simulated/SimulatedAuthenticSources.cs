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
    /// <summary>Employers that show one fraud pattern each (§2.1), so demos and tests can see every signal.</summary>
    public static class PatternEmployers
    {
        /// <summary>A handful of staff, many admitted workers never seen in Dimona or gone within three months.</summary>
        public const string EconomicHub = "0200000142";

        /// <summary>Almost exclusively non-EU workers.</summary>
        public const string NonEuWorkforce = "0200000241";

        /// <summary>Earlier admitted workers paid well below their contracts (DMFA against the contract).</summary>
        public const string UnderpaysAdmittedWorkers = "0200000340";

        /// <summary>Clean figures, but one of its directors is excluded (seeded in the exclusion registry).</summary>
        public const string ExcludedDirector = "0200000439";

        /// <summary>Excluded itself (seeded in the exclusion registry).</summary>
        public const string Excluded = "0200000538";

        /// <summary>The INSZ of the director of <see cref="ExcludedDirector"/> that is excluded (valid check digits, made up).</summary>
        public const string ExcludedDirectorInsz = "71020399532";

        /// <summary>Clean figures; its last director also directs <see cref="SharesDirectorWith"/> (a withdrawal's exclusion of that director reaches both, §2.1).</summary>
        public const string SharedDirector = "0200000736";

        /// <summary>Another company directed, among others, by the shared director of <see cref="SharedDirector"/>.</summary>
        public const string SharesDirectorWith = "0200000835";

        /// <summary>The INSZ of the director the two companies share (valid check digits, made up).</summary>
        public const string SharedDirectorInsz = "68051512317";
    }

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
        void Count(AuthenticSource source, string field, decimal value) =>
            Add(source, SourceFields.Employer, field, value.ToString(CultureInfo.InvariantCulture));

        Random employer = SeededRandom.For("employer", seedText, applicantKey);

        // KBO (an addition to §2.9): the enterprise, its activity and its directors.
        if (selfEmployed && dossier.SelfEmployed?.Kbo is null)
        {
            Add(AuthenticSource.Kbo, SourceFields.Employer, SourceFields.EnterpriseStatus, "not-registered");
        }
        else
        {
            string legalName = dossier.Employer?.Name ?? $"{dossier.Worker.GivenName} {dossier.Worker.FamilyName}";
            int directors = selfEmployed ? 1 : employer.Next(1, 4);
            List<string> directorNumbers = [.. Enumerable.Range(1, directors).Select(i => DirectorInsz(seedText, applicantKey, i))];
            if (applicantKey == PatternEmployers.ExcludedDirector)
            {
                directorNumbers[^1] = PatternEmployers.ExcludedDirectorInsz;
            }

            if (applicantKey is PatternEmployers.SharedDirector or PatternEmployers.SharesDirectorWith)
            {
                directorNumbers.Add(PatternEmployers.SharedDirectorInsz);
            }

            Add(AuthenticSource.Kbo, SourceFields.Employer, SourceFields.EnterpriseStatus, "active");
            Add(AuthenticSource.Kbo, SourceFields.Employer, SourceFields.LegalName, legalName);
            Add(AuthenticSource.Kbo, SourceFields.Employer, SourceFields.NaceCode, NaceCodes[employer.Next(NaceCodes.Length)]);
            Add(AuthenticSource.Kbo, SourceFields.Employer, SourceFields.Directors, directorNumbers.Count.ToString(CultureInfo.InvariantCulture));
            Add(AuthenticSource.Kbo, SourceFields.Employer, SourceFields.DirectorPersonNumbers, string.Join(',', directorNumbers));
        }

        // Dimona: who works there now, and what became of workers admitted earlier; DMFA: what was declared.
        int headcount = selfEmployed ? employer.Next(0, 3) : Skewed(employer, 5, 400);
        int nonEuShare = headcount == 0 ? 0 : employer.Next(0, 41);
        int admitted = headcount == 0 ? 0 : employer.Next(0, Math.Min(headcount / 4, 6) + 1);
        int neverInDimona = 0, leftEarly = 0;
        decimal averageWage = Math.Round(2_100m + (decimal)employer.NextDouble() * 4_400m, 2);
        decimal contractWage = Math.Round(averageWage * (0.95m + (decimal)employer.NextDouble() * 0.1m), 2);
        decimal declaredWage = Math.Round(contractWage * (0.97m + (decimal)employer.NextDouble() * 0.06m), 2);
        switch (applicantKey)
        {
            case PatternEmployers.EconomicHub:
                (headcount, admitted, neverInDimona, leftEarly) = (3, 14, 6, 5);
                break;
            case PatternEmployers.NonEuWorkforce:
                (headcount, nonEuShare) = (40, 97);
                break;
            case PatternEmployers.UnderpaysAdmittedWorkers:
                (admitted, contractWage, declaredWage) = (Math.Max(admitted, 4), 2_900m, 1_650m);
                break;
        }

        Count(AuthenticSource.Dimona, SourceFields.Headcount, headcount);
        Count(AuthenticSource.Dimona, SourceFields.NonEuSharePercent, nonEuShare);
        Count(AuthenticSource.Dimona, SourceFields.AdmittedLast24Months, admitted);
        Count(AuthenticSource.Dimona, SourceFields.AdmittedStillEmployed, admitted - neverInDimona - leftEarly);
        Count(AuthenticSource.Dimona, SourceFields.AdmittedNeverInDimona, neverInDimona);
        Count(AuthenticSource.Dimona, SourceFields.AdmittedLeftWithin3Months, leftEarly);
        Add(AuthenticSource.Dmfa, SourceFields.Employer, SourceFields.AverageMonthlyWage, averageWage.ToString("0.00", CultureInfo.InvariantCulture));
        if (admitted > 0)
        {
            Add(AuthenticSource.Dmfa, SourceFields.Employer, SourceFields.DeclaredMonthlyWageOfAdmitted, declaredWage.ToString("0.00", CultureInfo.InvariantCulture));
            Add(AuthenticSource.Dmfa, SourceFields.Employer, SourceFields.ContractMonthlyWageOfAdmitted, contractWage.ToString("0.00", CultureInfo.InvariantCulture));
        }

        // The national register knows INSZ holders only; a BIS number or a first-time worker is not registered there.
        WorkerDetails worker = dossier.Worker;
        string registration = "not-registered";
        if (worker.PersonNumber is not null && worker.PersonNumberKind == PersonNumberKind.Insz)
        {
            Random person = SeededRandom.For("worker", seedText, applicantKey, WorkerIdentity(worker));
            registration = person.NextDouble() < 0.9 ? "found" : "not-found";
        }

        Add(AuthenticSource.NationalRegister, SourceFields.Worker, SourceFields.Registration, registration);

        // DMFA knows a worker the employer already employs, by INSZ or BIS: here, the worker of a renewal, paid the
        // contract's wage (a little above it) or, at the employer that underpays its admitted workers, well below it.
        if (dossier.Renews is not null && worker.PersonNumber is not null)
        {
            Random pay = SeededRandom.For("worker-wage", seedText, applicantKey, WorkerIdentity(worker));
            decimal factor = applicantKey == PatternEmployers.UnderpaysAdmittedWorkers ? 0.57m : 1m + ((decimal)pay.NextDouble() * 0.03m);
            decimal quarter = Math.Round(dossier.Job.GrossAnnualSalary / 4m * factor, 2);
            Add(AuthenticSource.Dmfa, SourceFields.Worker, SourceFields.WorkerGrossWageLastQuarter, quarter.ToString("0.00", CultureInfo.InvariantCulture));
        }

        return records;
    }

    /// <summary>
    /// A director's INSZ, made up but valid: born 1950-1995 (so the check digits are those of the 1900s), a day 1-28, a
    /// sequence number; a pure function of the seed, the enterprise and the director's place in the list. Drawn from a
    /// stream of its own, so the employer's other figures stay what they were.
    /// </summary>
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Reproducible simulation data.")]
    static string DirectorInsz(string seedText, string applicantKey, int index)
    {
        Random person = SeededRandom.For("director", seedText, applicantKey, index.ToString(CultureInfo.InvariantCulture));
        long firstNine = (person.Next(50, 96) * 10_000_000L) + (person.Next(1, 13) * 100_000L) + (person.Next(1, 29) * 1_000L) + person.Next(1, 999);
        return string.Create(CultureInfo.InvariantCulture, $"{firstNine:D9}{97 - (firstNine % 97):D2}");
    }

    /// <summary>Who the worker is for the sources: the person number, or else passport, nationality and birth date.</summary>
    static string WorkerIdentity(WorkerDetails worker) =>
        worker.PersonNumber
        ?? string.Join('|', worker.PassportNumber ?? "", worker.Nationality ?? "", worker.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");

    /// <summary>Mostly small employers, a few large ones.</summary>
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Reproducible simulation data.")]
    static int Skewed(Random random, int min, int max) => min + (int)Math.Floor(Math.Pow(random.NextDouble(), 3) * (max - min));
}
