using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Reliability;

/// <summary>
/// docs/design.md#no-personal-data-in-history: no personal data in orchestration history. After applications of every category run to their decision
/// (federal leg, information request, third-party authentication, fee, letters), the task hub's tables, queues and
/// blobs (large messages decompressed), the application's own tables and queues, and every log line are searched for
/// the applicants' identity numbers, names, passport numbers, e-mail addresses and birth dates, and the employers'
/// directors' INSZ numbers: zero hits. The dossier container is where that data belongs and is not searched.
/// </summary>
public sealed class PersonalDataTests : IAsyncLifetime, IDisposable
{
    readonly CapturedLogs logs = new();
    PermitHost host = null!;

    public async Task InitializeAsync() => this.host = await PermitHost.StartAsync(
        new PermitHostOptions { Extra = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information", ["Logging:LogLevel:Workflow"] = "Debug" } },
        builder => builder.Services.AddSingleton<ILoggerProvider>(this.logs));

    public async Task DisposeAsync() => await this.host.DisposeAsync();

    public void Dispose() => this.logs.Dispose();

    [Fact]
    public async Task No_identity_number_name_passport_email_or_birth_date_of_an_applicant_leaves_the_dossier()
    {
        List<JsonObject> applications = [.. Samples.All.Select(category => Samples.Load(category))];
        List<string> needles = Needles(applications);
        Assert.True(needles.Count >= 30, "the search covers every applicant");

        string[] applicationIds = await Task.WhenAll(applications.Select(this.RunToDecisionAsync));

        // The employers' directors as KBO lists them (INSZ numbers): the dossier has them, the exclusion check hashed them.
        int applicants = needles.Count;
        foreach (string applicationId in applicationIds)
        {
            JsonNode overview = JsonNode.Parse(await this.host.Api.As(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{applicationId}/overview"))!;
            needles.AddRange(overview["authenticSources"]!["records"]!.AsArray()
                .Where(r => r!["field"]!.GetValue<string>() == "director-person-numbers")
                .SelectMany(r => r!["value"]!.GetValue<string>().Split(',')));
        }

        Assert.True(needles.Count > applicants, "the search covers the directors");

        var hits = new List<string>();
        await foreach ((string where, string text) in this.EverythingOutsideTheDossierAsync())
        {
            hits.AddRange(needles.Where(needle => text.Contains(needle, StringComparison.Ordinal)).Select(needle => $"'{needle}' in {where}"));
        }

        foreach (string line in this.logs.Lines)
        {
            hits.AddRange(needles.Where(needle => line.Contains(needle, StringComparison.Ordinal)).Select(needle => $"'{needle}' in a log line: {line[..Math.Min(line.Length, 200)]}"));
        }

        Assert.True(this.logs.Lines.Count > 100, "the logs were captured");
        Assert.Empty(hits);
    }

    /// <summary>One application through every step that produces messages, history and logs.</summary>
    async Task<string> RunToDecisionAsync(JsonObject application)
    {
        string category = application["category"]!.GetValue<string>();
        string applicationId = await this.host.Api.SubmitAsync(application);
        if (category != Samples.WorkCard)
        {
            await this.host.Api.PayAsync(applicationId);
        }

        await this.host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
        if (category is not (Samples.WorkCard or Samples.ProfessionalCard))
        {
            string handoffId = (await this.host.FederalOffice.WaitForAsync(applicationId, "handoff", Scenario.StepTimeout)).GetProperty("handoffId").GetString()!;
            using HttpResponseMessage federal = await this.host.Api.FederalAsync(applicationId, handoffId, "decision", "approved");
            Assert.Equal(HttpStatusCode.Accepted, federal.StatusCode);
        }

        if (category == Samples.Other)
        {
            using HttpResponseMessage asked = await this.host.Api.As(Roles.Caseworker).PostJsonAsync(
                $"/api/applications/{applicationId}/information-requests",
                new JsonObject { ["requestId"] = "INFO-PD", ["question"] = "Please send the payslips.", ["deadlineDays"] = 30 });
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
            await Eventually.HoldsAsync(async () => (await this.host.Api.GetAsync(applicationId))["openInformationRequestId"] is not null, Scenario.StepTimeout, "the request to be open");
            using HttpResponseMessage answered = await this.host.Api.AsEmployerOf(applicationId).PostJsonAsync(
                $"/api/applications/{applicationId}/documents", new JsonObject { ["documents"] = new JsonArray(Samples.Document("information-response")) });
            Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
            await Eventually.HoldsAsync(async () => (await this.host.Api.GetAsync(applicationId))["openInformationRequestId"] is null, Scenario.StepTimeout, "the answer");
        }

        if (category == Samples.HighlySkilled)
        {
            using HttpResponseMessage asked = await this.host.Api.As(Roles.Caseworker).PostJsonAsync($"/api/applications/{applicationId}/third-party-requests", new JsonObject
            {
                ["requestId"] = "AUTH-PD", ["kind"] = "document-authentication", ["authority"] = "diplomatic-post", ["documentType"] = "diploma", ["deadlineDays"] = 30,
            });
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
            await Eventually.HoldsAsync(async () => (await Scenario.TimelineAsync(this.host, applicationId)).Contains("third-party-requested"), Scenario.StepTimeout, "the request");
            using HttpResponseMessage answered = await this.host.Api.As(Roles.Caseworker).PostJsonAsync(
                $"/api/applications/{applicationId}/third-party-requests/AUTH-PD/answer", new JsonObject { ["answerId"] = "A-PD", ["answer"] = "authentic" });
            Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
            await Eventually.HoldsAsync(async () => (await Scenario.TimelineAsync(this.host, applicationId)).Contains("third-party-answered"), Scenario.StepTimeout, "the answer");
        }

        await this.host.Api.DecideAsync(applicationId, category == Samples.Seasonal ? "refuse" : "approve", category == Samples.Seasonal ? ["category-conditions-not-met"] : []);
        await Scenario.CompletedAsync(this.host, applicationId);
        Assert.Contains("Decision: ", await this.host.Api.As(Roles.Caseworker).LetterTextAsync(applicationId), StringComparison.Ordinal); // the letter, with the names, is in the dossier
        return applicationId;
    }

    /// <summary>The identifying values of every applicant, as the client sent them and in the forms they are usually written.</summary>
    static List<string> Needles(IEnumerable<JsonObject> applications)
    {
        var needles = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonObject application in applications)
        {
            JsonNode worker = application["worker"]!;
            foreach (string field in new[] { "givenName", "familyName", "insz", "bis", "passportNumber", "contactEmail" })
            {
                if (worker[field]?.GetValue<string>() is { Length: > 0 } value)
                {
                    needles.Add(value);
                }
            }

            if (worker["birthDate"]?.GetValue<string>() is string birthDate)
            {
                DateOnly date = DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture);
                needles.Add(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                needles.Add(date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
                needles.Add(date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (application["selfEmployed"]?["contactEmail"]?.GetValue<string>() is string email)
            {
                needles.Add(email);
            }
        }

        return [.. needles];
    }

    /// <summary>Every table row, queue message and blob of this host's task hub and application storage, except the dossiers.</summary>
    async IAsyncEnumerable<(string Where, string Text)> EverythingOutsideTheDossierAsync()
    {
        string prefix = this.host.Options.Name;
        string lower = prefix.ToLowerInvariant();
        string connection = this.host.Storage.ConnectionString;

        var tables = new TableServiceClient(connection);
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "{") < 0))
        {
            await foreach (TableEntity row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                yield return ($"table {table.Name}", string.Join(" ", row.Select(p => $"{p.Key}={p.Value}")));
            }
        }

        var queues = new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await foreach (QueueItem queue in queues.GetQueuesAsync(prefix: lower))
        {
            foreach (PeekedMessage message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                yield return ($"queue {queue.Name}", Decoded(message.Body.ToArray()));
            }
        }

        var blobs = new BlobServiceClient(connection);
        await foreach (BlobContainerItem container in blobs.GetBlobContainersAsync(prefix: lower))
        {
            if (container.Name == $"{lower}-dossiers")
            {
                continue; // where personal data belongs
            }

            BlobContainerClient client = blobs.GetBlobContainerClient(container.Name);
            await foreach (BlobItem blob in client.GetBlobsAsync())
            {
                byte[] content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                yield return ($"blob {container.Name}/{blob.Name}", Decoded(content));
            }
        }
    }

    /// <summary>The text in every form the engine stores it: plain, base64, gzip, or gzip inside base64.</summary>
    static string Decoded(byte[] content)
    {
        var forms = new List<byte[]> { content };
        string raw = Encoding.UTF8.GetString(content);
        byte[] buffer = new byte[content.Length];
        if (Convert.TryFromBase64String(raw.Trim(), buffer, out int written))
        {
            forms.Add(buffer[..written]);
        }

        var text = new StringBuilder();
        foreach (byte[] form in forms)
        {
            text.Append(Encoding.UTF8.GetString(form)).Append('\n');
            if (form is [0x1f, 0x8b, ..])
            {
                using var gzip = new GZipStream(new MemoryStream(form), CompressionMode.Decompress);
                using var reader = new StreamReader(gzip, Encoding.UTF8);
                text.Append(reader.ReadToEnd()).Append('\n');
            }
        }

        return text.ToString();
    }
}
