using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;
using Workflow.Orchestrations.Serialization;

namespace Workflow.Adapters.Storage;

/// <summary>
/// The authorisations register in Table storage, one table with three kinds of partition, each row holding the
/// authorisation as JSON: "application:{id}" (RK "grant", the record of truth), "employer:{key}" (RK = application id:
/// the employer's grants) and "director:{fingerprint}" (RK = application id: the grants of the companies the director
/// directed). A list is a partition scan in application id order, continued after the last application of the previous page. Rows are added, never replaced: a
/// retried grant changes nothing (and will not undo a later withdrawal); the record of truth is written last, so a
/// crash in between is finished by the retry. The renewal of an authorisation is one more row in its application's
/// partition (RK "renewal"): inserted conditionally, so of two applications renewing it at once one holds it; changed
/// and freed only on the ETag it was read with. The record of truth also keeps the director keys, so a withdrawal's mark
/// reaches every row: it is written to the record of truth first (conditionally on what was read), then copied to the
/// others; a repeat of the mark copies it again.
/// </summary>
public sealed class TableAuthorisationRegister(TableServiceClient tables, StorageNames names) : IAuthorisationRegister
{
    internal const string GrantRow = "grant";
    internal const string RenewalRow = "renewal";
    const string ApplicationPrefix = "application:";
    const string EmployerPrefix = "employer:";

    readonly TableClient table = tables.GetTableClient(names.AuthorisationsTable);

    public async Task RecordGrantAsync(Authorisation authorisation, IReadOnlyList<string> directorKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        ArgumentNullException.ThrowIfNull(directorKeys);
        string json = JsonSerializer.Serialize(authorisation, WorkflowJson.Options);
        string application = TableKeys.Safe(authorisation.ApplicationId);
        foreach (string director in directorKeys)
        {
            await this.AddAsync(TableKeys.Safe(director), application, json, cancellationToken);
        }

        await this.AddAsync(TableKeys.Safe(EmployerPrefix + authorisation.Employer), application, json, cancellationToken);
        await this.AddAsync(TableKeys.Safe(ApplicationPrefix + authorisation.ApplicationId), GrantRow, json, cancellationToken, string.Join(',', directorKeys));
    }

    public async Task<Authorisation?> MarkAsync(string applicationId, RegisterMark mark, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentNullException.ThrowIfNull(mark);
        string partition = TableKeys.Safe(ApplicationPrefix + applicationId);
        while (true)
        {
            NullableResponse<RegisterRow> found = await this.table.GetEntityIfExistsAsync<RegisterRow>(partition, GrantRow, cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                return null;
            }

            RegisterRow row = found.Value!;
            Authorisation current = Read(row);
            if (current.Marked(mark) is not { } marked)
            {
                return current;
            }

            string json = JsonSerializer.Serialize(marked, WorkflowJson.Options);
            if (marked != current)
            {
                try
                {
                    row.Authorisation = json;
                    await this.table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                catch (RequestFailedException e) when (e.Status == 412)
                {
                    continue; // changed since it was read (another finding at the same moment): judge the mark again
                }
            }

            string application = TableKeys.Safe(applicationId);
            foreach (string director in (row.Directors ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                await this.ReplaceAsync(TableKeys.Safe(director), application, json, cancellationToken);
            }

            await this.ReplaceAsync(TableKeys.Safe(EmployerPrefix + marked.Employer), application, json, cancellationToken);
            return marked;
        }
    }

    public async Task<Authorisation?> GetAsync(string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        NullableResponse<RegisterRow> row = await this.table.GetEntityIfExistsAsync<RegisterRow>(
            TableKeys.Safe(ApplicationPrefix + applicationId), GrantRow, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public Task<AuthorisationPage> ListByEmployerAsync(string employer, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(employer);
        return this.ListAsync(TableKeys.Safe(EmployerPrefix + employer), pageSize, continuation, cancellationToken);
    }

    public Task<AuthorisationPage> ListByDirectorAsync(string directorKey, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(directorKey);
        return this.ListAsync(TableKeys.Safe(directorKey), pageSize, continuation, cancellationToken);
    }

    public async Task<AuthorisationRenewal> ClaimRenewalAsync(AuthorisationRenewal claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        try
        {
            await this.table.AddEntityAsync(RenewalEntity(claim), cancellationToken);
            return claim;
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            return await this.GetRenewalAsync(claim.RenewedApplicationId, cancellationToken)
                ?? await this.ClaimRenewalAsync(claim, cancellationToken); // freed in between: try again
        }
    }

    public async Task<AuthorisationRenewal?> GetRenewalAsync(string renewedApplicationId, CancellationToken cancellationToken) =>
        (await this.ReadRenewalAsync(renewedApplicationId, cancellationToken))?.Renewal;

    public async Task ReleaseRenewalAsync(string renewedApplicationId, string renewingApplicationId, CancellationToken cancellationToken)
    {
        while (await this.ReadRenewalAsync(renewedApplicationId, cancellationToken) is ({ State: RenewalState.Pending } renewal, ETag etag)
            && renewal.RenewingApplicationId == renewingApplicationId)
        {
            try
            {
                await this.table.DeleteEntityAsync(TableKeys.Safe(ApplicationPrefix + renewedApplicationId), RenewalRow, etag, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.IsPreconditionFailed() || e.IsNotFound())
            {
                // Changed or freed since it was read: read it again.
            }
        }
    }

    public async Task CompleteRenewalAsync(string renewedApplicationId, string renewingApplicationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var renewed = new AuthorisationRenewal(renewedApplicationId, renewingApplicationId, RenewalState.Renewed, DateTimeOffset.UtcNow);
            try
            {
                switch (await this.ReadRenewalAsync(renewedApplicationId, cancellationToken))
                {
                    case null:
                        await this.table.AddEntityAsync(RenewalEntity(renewed), cancellationToken); // its claim was freed: the grant stands
                        return;
                    case ({ } stored, ETag etag) when stored.RenewingApplicationId == renewingApplicationId && stored.State == RenewalState.Pending:
                        await this.table.UpdateEntityAsync(RenewalEntity(renewed with { ClaimedAt = stored.ClaimedAt }), etag, TableUpdateMode.Replace, cancellationToken);
                        return;
                    default:
                        return; // renewed already (a retry), or held by another application: the first holder stands
                }
            }
            catch (RequestFailedException e) when (e.IsConflict() || e.IsPreconditionFailed() || e.IsNotFound())
            {
                // Changed since it was read: read it again.
            }
        }
    }

    async Task<(AuthorisationRenewal Renewal, ETag ETag)?> ReadRenewalAsync(string renewedApplicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(renewedApplicationId);
        NullableResponse<TableEntity> row = await this.table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Safe(ApplicationPrefix + renewedApplicationId), RenewalRow, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        TableEntity entity = row.Value!;
        return (new AuthorisationRenewal(
            renewedApplicationId,
            entity.GetString("RenewingApplicationId"),
            EnumCodes.Parse<RenewalState>(entity.GetString("State")),
            entity.GetDateTimeOffset("ClaimedAt") ?? default), entity.ETag);
    }

    static TableEntity RenewalEntity(AuthorisationRenewal renewal) =>
        new(TableKeys.Safe(ApplicationPrefix + renewal.RenewedApplicationId), RenewalRow)
        {
            ["RenewingApplicationId"] = renewal.RenewingApplicationId,
            ["State"] = Codes.Of(renewal.State),
            ["ClaimedAt"] = renewal.ClaimedAt,
        };

    /// <summary>A page of one partition after the application <paramref name="after"/> (the previous page's last; the token is ours, so a made-up one cannot upset the service).</summary>
    async Task<AuthorisationPage> ListAsync(string partition, int pageSize, string? after, CancellationToken cancellationToken)
    {
        string filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {TableKeys.Safe(after)}");
        var items = new List<Authorisation>(pageSize);
        bool more = false;
        await foreach (RegisterRow row in this.table.QueryAsync<RegisterRow>(filter, maxPerPage: pageSize + 1, cancellationToken: cancellationToken))
        {
            if (items.Count == pageSize)
            {
                more = true;
                break;
            }

            items.Add(Read(row));
        }

        return new AuthorisationPage(items, more ? items[^1].ApplicationId : null);
    }

    async Task AddAsync(string partition, string row, string json, CancellationToken cancellationToken, string? directors = null)
    {
        try
        {
            await this.table.AddEntityAsync(new RegisterRow { PartitionKey = partition, RowKey = row, Authorisation = json, Directors = directors }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.IsConflict())
        {
            // Recorded before: the first write stands.
        }
    }

    /// <summary>Copies the record of truth onto a list row (a grant recorded before its list rows were all written gets them here).</summary>
    async Task ReplaceAsync(string partition, string row, string json, CancellationToken cancellationToken) =>
        await this.table.UpsertEntityAsync(new RegisterRow { PartitionKey = partition, RowKey = row, Authorisation = json }, TableUpdateMode.Replace, cancellationToken);

    static Authorisation Read(RegisterRow row) =>
        JsonSerializer.Deserialize<Authorisation>(row.Authorisation, WorkflowJson.Options)
        ?? throw new InvalidOperationException("A register row holds no authorisation.");

    /// <summary>One row of the register.</summary>
    internal sealed class RegisterRow : ITableEntity
    {
        public string PartitionKey { get; set; } = "";

        public string RowKey { get; set; } = "";

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string Authorisation { get; set; } = "";

        /// <summary>On the record of truth: the director keys of its rows by director, comma-separated (fingerprints, never numbers).</summary>
        public string? Directors { get; set; }
    }
}
