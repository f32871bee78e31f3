using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Application.Access;
using Workflow.Application.Federal;
using Workflow.Application.Http;
using Workflow.Application.Payments;
using Workflow.LocalHost;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>
/// The HTTP API as a client sees it, with the few shortcuts the tests repeat. Access control is on in every test host,
/// so the client acts in a role: <see cref="As"/> gives a client that sends a bearer token for a role (signed with the
/// test hosts' key), <see cref="AsEmployerOf"/> and <see cref="AsApplicant"/> the employer of an application. The
/// client a host hands out is anonymous for <see cref="Http"/>, <see cref="PostJsonAsync"/> and
/// <see cref="PostRawAsync"/>; its shortcuts take the natural role (the employer submits and pays, the caseworker reads
/// and decides, the federal office signs its webhook calls).
/// </summary>
internal sealed class ApiClient : IDisposable
{
    /// <summary>The applicant key of every application submitted through any client of this test run, for its employer's token.</summary>
    static readonly ConcurrentDictionary<string, string> Applicants = new(StringComparer.Ordinal);

    readonly ApiClient? anonymous;
    readonly string signingKey;
    readonly ConcurrentDictionary<(string Role, string? Applicant, string? Subject, string? Name), ApiClient> identities = new();

    /// <summary>An anonymous client; <paramref name="signingKey"/> signs the tokens of <see cref="As"/>.</summary>
    public ApiClient(HttpClient http, string signingKey = PermitHostOptions.SigningKey)
    {
        this.Http = http;
        this.signingKey = signingKey;
    }

    ApiClient(ApiClient anonymous, string role, string? applicant, string? subject = null, string? name = null)
    {
        this.anonymous = anonymous;
        this.signingKey = anonymous.signingKey;
        this.Role = role;
        this.Http = new HttpClient { BaseAddress = anonymous.Http.BaseAddress, Timeout = anonymous.Http.Timeout };
        this.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            role == Roles.Worker
                ? LocalTokens.Issue(this.signingKey, role, null, subject ?? $"test-{role}", TimeSpan.FromHours(4), DateTimeOffset.UtcNow, name: name, person: applicant)
                : LocalTokens.Issue(this.signingKey, role, applicant, subject ?? $"test-{role}", TimeSpan.FromHours(4), DateTimeOffset.UtcNow, name: name));
    }

    public HttpClient Http { get; }

    /// <summary>The role this client acts in; null for the anonymous client.</summary>
    public string? Role { get; }

    /// <summary>A client acting as <paramref name="role"/> (an employer with <paramref name="applicant"/>), with a token valid for hours.</summary>
    public ApiClient As(string role, string? applicant = null)
    {
        ApiClient root = this.anonymous ?? this;
        return root.identities.GetOrAdd((role, applicant, null, null), key => new ApiClient(root, key.Role, key.Applicant));
    }

    /// <summary>A worker signed in with their own INSZ or BIS number <paramref name="personNumber"/>.</summary>
    public ApiClient AsWorker(string personNumber, string subject = "test-worker") => this.AsPerson(Roles.Worker, subject, "Test Worker", personNumber);

    /// <summary>A client acting as a named person in <paramref name="role"/>: its token carries that subject and display name.</summary>
    public ApiClient AsPerson(string role, string subject, string? name = null, string? applicant = null)
    {
        ApiClient root = this.anonymous ?? this;
        return root.identities.GetOrAdd((role, applicant, subject, name), key => new ApiClient(root, key.Role, key.Applicant, key.Subject, key.Name));
    }

    /// <summary>The employer of an application submitted through <see cref="SubmitAsync"/> in this test run.</summary>
    public ApiClient AsEmployerOf(string applicationId) =>
        this.As(Roles.Employer, Applicants.TryGetValue(applicationId, out string? applicant)
            ? applicant
            : throw new InvalidOperationException($"{applicationId} was not submitted through ApiClient.SubmitAsync in this test run."));

    /// <summary>The employer (or self-employed applicant) the application's body names.</summary>
    public ApiClient AsApplicant(JsonObject application) => this.As(Roles.Employer, ApplicantKey(application));

    /// <summary>The applicant key of an application body, as the validator derives it (KBO number, or "self:" + reference).</summary>
    public static string ApplicantKey(JsonObject application)
    {
        ArgumentNullException.ThrowIfNull(application);
        string? key = application["employer"]?["kbo"] is JsonNode kbo
            ? ApplicantScope.Canonical(kbo.GetValue<string>())
            : ApplicantScope.Canonical($"self:{application["selfEmployed"]?["reference"]?.GetValue<string>()}");
        return key ?? throw new ArgumentException("The application names no valid employer KBO number or self-employed reference.", nameof(application));
    }

    /// <summary>This client when it acts in a role, else a client acting as <paramref name="role"/>.</summary>
    ApiClient Acting(string role) => this.Role is null ? this.As(role) : this;

    /// <summary>
    /// Sends as a careful client does: a 409 with Retry-After (an application still being registered) is sent again
    /// after the interval the server named, until it answers otherwise or the patience runs out.
    /// </summary>
    public static async Task<HttpResponseMessage> HonouringRetryAfterAsync(Func<Task<HttpResponseMessage>> send, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(send);
        DateTime deadline = DateTime.UtcNow + patience;
        while (true)
        {
            HttpResponseMessage response = await send();
            if (response.StatusCode != HttpStatusCode.Conflict || response.Headers.RetryAfter?.Delta is not TimeSpan wait || DateTime.UtcNow > deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(wait); // the protocol's own wait: the server said when to come back
        }
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, JsonNode body) =>
        this.Http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType = "application/json") =>
        this.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    /// <summary>Posts to the federal webhook as the federal office does: signed over timestamp and body.</summary>
    public Task<HttpResponseMessage> PostFederalAsync(string body, DateTimeOffset? signedAt = null, string secret = PermitHostOptions.WebhookSecret)
    {
        (string timestamp, string signature) = FederalWebhookSignature.Sign(Encoding.UTF8.GetBytes(body), secret, signedAt ?? DateTimeOffset.UtcNow);
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add(FederalWebhookSignature.TimestampHeader, timestamp);
        content.Headers.Add(FederalWebhookSignature.SignatureHeader, signature);
        return this.Http.PostAsync("/api/federal/decisions", content);
    }

    /// <summary>Submits as the application's employer (unless this client acts in a role) and expects a new application (202); returns its id.</summary>
    public async Task<string> SubmitAsync(JsonObject application)
    {
        ApiClient submitter = this.Role is null ? this.AsApplicant(application) : this;
        using HttpResponseMessage response = await submitter.PostJsonAsync("/api/applications", application);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Submission answered {(int)response.StatusCode}: {text}");
        JsonNode body = JsonNode.Parse(text)!;
        Assert.Equal($"/api/applications/{body["applicationId"]}", response.Headers.Location?.ToString());
        string applicationId = body["applicationId"]!.GetValue<string>();
        Applicants[applicationId] = ApplicantKey(application);
        return applicationId;
    }

    /// <summary>The status, read as a caseworker unless this client acts in a role.</summary>
    public async Task<JsonNode> GetAsync(string applicationId)
    {
        using HttpResponseMessage response = await this.Acting(Roles.Caseworker).Http.GetAsync($"/api/applications/{applicationId}");
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Status answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>
    /// The decision letter's text, as a caseworker (unless this client acts in a role) downloads it: a PDF, served as
    /// such (content type, file name, nosniff), read back with PdfPig, white space made single spaces.
    /// </summary>
    public async Task<string> LetterTextAsync(string applicationId)
    {
        using HttpResponseMessage response = await this.Acting(Roles.Caseworker).Http.GetAsync($"/api/applications/{applicationId}/letter");
        Assert.True(response.IsSuccessStatusCode, $"The letter answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{applicationId}-decision.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        return Workflow.Tests.Shared.PdfText.Of(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The commands of an application with their fates and repeats, as a caseworker reads them.</summary>
    public async Task<JsonNode> CommandsAsync(string applicationId) =>
        JsonNode.Parse(await this.Acting(Roles.Caseworker).Http.GetStringAsync($"/api/applications/{applicationId}/commands"))!;

    /// <summary>The whole worklist, page after page, as a caseworker (unless this client acts in a role) reads it.</summary>
    public async Task<List<JsonElement>> WorklistAsync(int pageSize = 50)
    {
        var items = new List<JsonElement>();
        string? continuation = null;
        do
        {
            string query = $"/api/worklist?pageSize={pageSize}" + (continuation is null ? "" : $"&continuation={Uri.EscapeDataString(continuation)}");
            using JsonDocument page = JsonDocument.Parse(await this.Acting(Roles.Caseworker).Http.GetStringAsync(query));
            items.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone()));
            continuation = page.RootElement.TryGetProperty("continuation", out JsonElement next) ? next.GetString() : null;
        }
        while (continuation is not null);
        return items;
    }

    /// <summary>Polls the status endpoint until the application reaches <paramref name="stage"/>.</summary>
    public Task<JsonNode> WaitForStageAsync(string applicationId, string stage, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(
            async () =>
            {
                JsonNode status = await this.GetAsync(applicationId);
                return status["stage"]!.GetValue<string>() == stage ? status : null;
            },
            timeout ?? Scenario.StepTimeout,
            $"{applicationId} to reach stage {stage}");

    /// <summary>
    /// Pays the fee as a payer does: the employer (unless this client acts in a role) starts a payment, then "pays" at
    /// the simulated provider's checkout, which calls the platform back with its signed confirmation. Returns the
    /// payment's start answer.
    /// </summary>
    public async Task<JsonNode> PayAsync(string applicationId)
    {
        JsonNode started = await this.StartPaymentAsync(applicationId);
        using HttpResponseMessage paid = await this.Root.Http.PostAsync(new Uri(started["details"]!["checkoutUrl"]!.GetValue<string>() + "/pay", UriKind.Relative), null);
        string text = await paid.Content.ReadAsStringAsync();
        Assert.True(paid.StatusCode == HttpStatusCode.Accepted, $"The provider's confirmation answered {(int)paid.StatusCode}: {text}");
        return started;
    }

    /// <summary>Starts a payment (202) and returns its answer: the checkout to pay at, the amount, the reference.</summary>
    public async Task<JsonNode> StartPaymentAsync(string applicationId, string? paymentId = null)
    {
        ApiClient payer = this.Role is null ? this.AsEmployerOf(applicationId) : this;
        using HttpResponseMessage response = await payer.PostJsonAsync(
            $"/api/applications/{applicationId}/payments",
            new JsonObject { ["paymentId"] = paymentId ?? "PAY-" + Guid.NewGuid().ToString("N")[..12] });
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Payment answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Posts a provider event to the payment callback as the provider does: signed over timestamp and body.</summary>
    public Task<HttpResponseMessage> PostPaymentEventAsync(string body, DateTimeOffset? signedAt = null, string secret = PermitHostOptions.PaymentSecret)
    {
        (string timestamp, string signature) = WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), secret, signedAt ?? DateTimeOffset.UtcNow);
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add(PaymentCallbacks.TimestampHeader, timestamp);
        content.Headers.Add(PaymentCallbacks.SignatureHeader, signature);
        return this.Root.Http.PostAsync("/api/payments/provider-events", content);
    }

    /// <summary>The anonymous client this one derives from (or itself).</summary>
    ApiClient Root => this.anonymous ?? this;

    /// <summary>Decides as a caseworker, unless this client acts in a role.</summary>
    public async Task DecideAsync(string applicationId, string verdict, params string[] grounds)
    {
        using HttpResponseMessage response = await this.Acting(Roles.Caseworker).PostJsonAsync(
            $"/api/applications/{applicationId}/decision",
            new JsonObject
            {
                ["decisionId"] = "DEC-" + Guid.NewGuid().ToString("N")[..12],
                ["verdict"] = verdict,
                ["grounds"] = new JsonArray([.. grounds.Select(g => (JsonNode)g)]),
                ["motivation"] = verdict == "approve" ? "All conditions of the category are met." : "The conditions are not met.",
            });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Decision answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Posts a message of the federal office to the webhook and returns the response.</summary>
    public Task<HttpResponseMessage> FederalAsync(string applicationId, string handoffId, string kind, string? decision = null, string? messageId = null)
    {
        var body = new JsonObject
        {
            ["messageId"] = messageId ?? $"{handoffId}:{kind}:{Guid.NewGuid():N}"[..60],
            ["kind"] = kind,
            ["applicationId"] = applicationId,
            ["handoffId"] = handoffId,
        };
        if (decision is not null)
        {
            body["decision"] = decision;
            body["reasonCodes"] = decision == "refused" ? new JsonArray("insufficient-means") : new JsonArray();
        }

        return this.PostFederalAsync(body.ToJsonString());
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose()
    {
        foreach (ApiClient identity in this.identities.Values)
        {
            identity.Dispose();
        }

        this.Http.Dispose();
    }
}
