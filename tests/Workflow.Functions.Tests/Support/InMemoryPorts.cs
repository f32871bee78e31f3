using System.Collections.Concurrent;
using System.Text.Json;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Functions.Tests.Support;

/// <summary>In-memory ports for calling the functions without storage: just enough behaviour for the API's paths.</summary>
internal sealed class InMemorySubmissionLedger : ISubmissionLedger, IApplicantIndex
{
    readonly ConcurrentDictionary<string, SubmissionRecord> records = new(StringComparer.Ordinal);

    public Task<(ReservationOutcome Outcome, SubmissionRecord Record)> TryReserveAsync(SubmissionRecord record, CancellationToken cancellationToken)
    {
        SubmissionRecord stored = this.records.GetOrAdd(record.ApplicationId, record);
        return Task.FromResult((ReferenceEquals(stored, record) ? ReservationOutcome.Reserved : ReservationOutcome.Exists, stored));
    }

    public Task<ApplicantIndexPage> ListAsync(string applicantKey, int pageSize, string? after, CancellationToken cancellationToken)
    {
        ApplicantIndexEntry[] entries = [.. this.records.Values
            .Where(r => r.ApplicantKey == applicantKey)
            .Select(r => new ApplicantIndexEntry(r.ApplicationId, r.SubmissionId, r.Category, r.SubmittedAt))
            .Where(e => after is null || string.CompareOrdinal(e.Key, after) > 0)
            .OrderBy(e => e.Key, StringComparer.Ordinal)];
        return Task.FromResult(entries.Length > pageSize
            ? new ApplicantIndexPage(entries[..pageSize], entries[pageSize - 1].Key)
            : new ApplicantIndexPage(entries, null));
    }

    public Task<bool> TryTakeOverAsync(SubmissionRecord seen, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task MarkScheduledAsync(string applicationId, CancellationToken cancellationToken)
    {
        this.records.AddOrUpdate(applicationId, _ => throw new InvalidOperationException("not reserved"), (_, r) => r with { Scheduled = true });
        return Task.CompletedTask;
    }

    public Task<SubmissionRecord?> GetAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.records.TryGetValue(applicationId, out SubmissionRecord? r) ? r : null);
}

internal sealed class InMemoryDossierStore : IDossierStore
{
    readonly ConcurrentDictionary<string, string> blobs = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, byte[]> contents = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, LetterFile> letters = new(StringComparer.Ordinal);

    public Task SaveApplicationAsync(ApplicationDossier dossier, CancellationToken cancellationToken)
    {
        this.blobs[$"{dossier.ApplicationId}/application"] = JsonSerializer.Serialize(dossier, WorkflowJson.Options);
        return Task.CompletedTask;
    }

    public Task<ApplicationDossier?> GetApplicationAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult(this.blobs.TryGetValue($"{applicationId}/application", out string? json) ? JsonSerializer.Deserialize<ApplicationDossier>(json, WorkflowJson.Options) : null);

    public Task SaveDocumentAsync(string applicationId, StoredDocument document, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        this.blobs[$"{applicationId}/documents/{document.Sha256}"] = JsonSerializer.Serialize(document, WorkflowJson.Options);
        this.contents.TryAdd($"{applicationId}/{document.Type}/{document.Sha256}", content.ToArray());
        return Task.CompletedTask;
    }

    public Task<DossierDocument?> OpenDocumentAsync(string applicationId, string type, string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(
            this.blobs.TryGetValue($"{applicationId}/documents/{sha256}", out string? json)
            && JsonSerializer.Deserialize<StoredDocument>(json, WorkflowJson.Options) is { } document && document.Type == type
            && this.contents.TryGetValue($"{applicationId}/{type}/{sha256}", out byte[]? content)
                ? new DossierDocument(document, new MemoryStream(content, writable: false))
                : null);

    public Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredDocument>>([.. this.blobs
            .Where(b => b.Key.StartsWith($"{applicationId}/documents/", StringComparison.Ordinal))
            .Select(b => JsonSerializer.Deserialize<StoredDocument>(b.Value, WorkflowJson.Options)!)]);

    public Task SaveRecordAsync<T>(string applicationId, string name, T record, CancellationToken cancellationToken)
    {
        this.blobs[$"{applicationId}/records/{name}"] = JsonSerializer.Serialize(record, WorkflowJson.Options);
        return Task.CompletedTask;
    }

    public Task<T?> GetRecordAsync<T>(string applicationId, string name, CancellationToken cancellationToken) =>
        Task.FromResult(this.blobs.TryGetValue($"{applicationId}/records/{name}", out string? json) ? JsonSerializer.Deserialize<T>(json, WorkflowJson.Options) : default);

    public Task<string> SaveLetterAsync(string applicationId, string letterName, LetterFile letter, CancellationToken cancellationToken)
    {
        this.letters[$"{applicationId}/letters/{letterName}"] = letter;
        return Task.FromResult($"{applicationId}/letters/{letterName}");
    }

    public Task<LetterFile?> GetLetterAsync(string applicationId, string letterName, CancellationToken cancellationToken) =>
        Task.FromResult(this.letters.TryGetValue($"{applicationId}/letters/{letterName}", out LetterFile? letter) ? letter : null);

    public Task<int> DeleteAsync(string applicationId, CancellationToken cancellationToken)
    {
        string[] keys = [.. this.blobs.Keys.Where(k => k.StartsWith($"{applicationId}/", StringComparison.Ordinal))];
        foreach (string content in this.contents.Keys.Where(k => k.StartsWith($"{applicationId}/", StringComparison.Ordinal)))
        {
            this.contents.TryRemove(content, out _);
        }

        int letters = this.letters.Keys.Where(k => k.StartsWith($"{applicationId}/", StringComparison.Ordinal)).Count(k => this.letters.TryRemove(k, out _));
        return Task.FromResult(letters + keys.Count(k => this.blobs.TryRemove(k, out _)));
    }
}

internal sealed class InMemoryAuditLog : IAuditLog
{
    readonly ConcurrentDictionary<(string, string), AuditEntry> entries = new();

    public IReadOnlyCollection<AuditEntry> Entries => [.. this.entries.Values];

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        this.entries.TryAdd((entry.ApplicationId, entry.Key), entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult(AuditEntry.InLogOrder(this.entries.Values.Where(e => e.ApplicationId == applicationId)));
}

internal sealed class InMemoryCaseIndex : ICaseIndex
{
    readonly ConcurrentDictionary<string, PermitCase> rows = new(StringComparer.Ordinal);

    /// <summary>Set to make every read fail, as storage does when it is down.</summary>
    public Exception? Failure { get; set; }

    public Task UpsertAsync(PermitCase state, CancellationToken cancellationToken)
    {
        this.rows[state.ApplicationId] = state;
        return Task.CompletedTask;
    }

    public Task<PermitCase?> GetAsync(string applicationId, CancellationToken cancellationToken) =>
        this.Failure is { } failure ? Task.FromException<PermitCase?>(failure)
        : Task.FromResult(this.rows.TryGetValue(applicationId, out PermitCase? s) ? s : null);

    public Task<CasePage> ListWorklistAsync(int pageSize, string? continuation, CancellationToken cancellationToken) =>
        Task.FromResult(new CasePage([.. this.rows.Values.Where(s => s.AwaitsCaseworker).Take(pageSize)], null));

    public Task<IReadOnlyList<PermitCase>> ListClosedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PermitCase>>([.. this.rows.Values.Where(s => s.Stage == Stage.Closed)]);
}

internal sealed class InMemoryCommandLedger : ICommandLedger
{
    readonly ConcurrentDictionary<(string, string), CommandRecord> records = new();
    readonly ConcurrentDictionary<(string, string), string> slots = new();

    public Task<(bool Recorded, CommandRecord Stored)> TryRecordAsync(CommandRecord record, CancellationToken cancellationToken)
    {
        CommandRecord stored = this.records.GetOrAdd((record.ApplicationId, record.MessageId), record);
        return Task.FromResult((ReferenceEquals(stored, record), stored));
    }

    public Task MarkRaisedAsync(string applicationId, string messageId, CancellationToken cancellationToken) =>
        this.Move(applicationId, messageId, r => r.Fate is CommandFate.Recorded or CommandFate.AwaitingConsent ? r with { Fate = CommandFate.Pending } : r);

    public Task SettleAsync(string applicationId, CommandSettlement settlement, DateTimeOffset at, CancellationToken cancellationToken) =>
        this.Move(applicationId, settlement.MessageId, r => r.Fate is CommandFate.Accepted or CommandFate.Rejected ? r : r with { Fate = settlement.Fate, Reason = settlement.Reason ?? r.Reason, SettledAt = at });

    Task Move(string applicationId, string messageId, Func<CommandRecord, CommandRecord> change)
    {
        this.records.AddOrUpdate((applicationId, messageId), _ => throw new InvalidOperationException("not recorded"), (_, r) => change(r));
        return Task.CompletedTask;
    }

    public Task<CommandRecord?> GetAsync(string applicationId, string kind, string commandId, CancellationToken cancellationToken) =>
        Task.FromResult(this.records.TryGetValue((applicationId, CommandKinds.MessageId(kind, commandId)), out CommandRecord? r) ? r : null);

    public Task<IReadOnlyList<CommandRecord>> ListAsync(string applicationId, string? kind, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CommandRecord>>([.. this.records.Values.Where(r => r.ApplicationId == applicationId && (kind is null || r.Kind == kind)).OrderBy(r => r.ReceivedAt)]);

    public Task NoteRepeatAsync(CommandRecord stored, DateTimeOffset at, CancellationToken cancellationToken) =>
        this.Move(stored.ApplicationId, stored.MessageId, r => r with { Repeats = r.Repeats + 1 });

    public Task<SlotHolder> ClaimSlotAsync(string applicationId, string slot, string messageId, string? replaceable, CancellationToken cancellationToken)
    {
        string holder = replaceable is null
            ? this.slots.GetOrAdd((applicationId, slot), messageId)
            : this.slots.TryUpdate((applicationId, slot), messageId, replaceable) ? messageId : this.slots[(applicationId, slot)];
        return Task.FromResult(new SlotHolder(holder, holder == messageId));
    }

    public Task<string?> SlotHolderAsync(string applicationId, string slot, CancellationToken cancellationToken) =>
        Task.FromResult(this.slots.TryGetValue((applicationId, slot), out string? holder) ? holder : null);
}

internal sealed class InMemoryPeakPeriodCalendar : IPeakPeriodCalendar
{
    IReadOnlyList<PeakPeriod> periods = [];

    public Task<IReadOnlyList<PeakPeriod>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(this.periods);

    public Task ReplaceAsync(IReadOnlyList<PeakPeriod> periods, CancellationToken cancellationToken)
    {
        this.periods = periods;
        return Task.CompletedTask;
    }
}

internal sealed class InMemoryPaymentLedger : IPaymentLedger
{
    readonly ConcurrentDictionary<(string, string), PaymentRecord> payments = new();

    public Task<PaymentRecord> RecordStartAsync(PaymentRecord payment, CancellationToken cancellationToken) =>
        Task.FromResult(this.payments.GetOrAdd((payment.ApplicationId, payment.PaymentId), payment));

    public Task<PaymentRecord?> GetAsync(string applicationId, string paymentId, CancellationToken cancellationToken) =>
        Task.FromResult(this.payments.TryGetValue((applicationId, paymentId), out PaymentRecord? p) ? p : null);

    public Task<IReadOnlyList<PaymentRecord>> ListAsync(string applicationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PaymentRecord>>([.. this.payments.Values.Where(p => p.ApplicationId == applicationId)]);

    public Task UpdateStatusAsync(string applicationId, string paymentId, PaymentStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        this.payments.AddOrUpdate((applicationId, paymentId), _ => throw new InvalidOperationException("unknown payment"), (_, p) => p with { Status = status, UpdatedAt = at });
        return Task.CompletedTask;
    }
}

internal sealed class InMemoryManagerAlertInbox : IManagerAlertInbox
{
    readonly ConcurrentDictionary<string, DeliveredAlert> alerts = new(StringComparer.Ordinal);

    /// <summary>Set to make every recording fail.</summary>
    public Exception? Failure { get; set; }

    public Task<bool> RecordDeliveryAsync(SlaAlert alert, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (this.Failure is { } failure)
        {
            return Task.FromException<bool>(failure);
        }

        bool first = true;
        this.alerts.AddOrUpdate(alert.IdempotencyKey, _ => new DeliveredAlert(alert, at, 1), (_, d) =>
        {
            first = false;
            return d with { Deliveries = d.Deliveries + 1 };
        });
        return Task.FromResult(first);
    }

    public Task<AlertPage> ListAsync(string? applicationId, int pageSize, string? continuation, CancellationToken cancellationToken) =>
        Task.FromResult(new AlertPage([.. this.alerts.Values.Where(a => applicationId is null || a.Alert.ApplicationId == applicationId).Take(pageSize)], null));
}
