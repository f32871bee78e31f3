using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Application.Federal;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>The HTTP API as a client sees it, with the few shortcuts the tests repeat.</summary>
internal sealed class ApiClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

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

    /// <summary>Submits and expects a new application (202); returns its id.</summary>
    public async Task<string> SubmitAsync(JsonObject application)
    {
        using HttpResponseMessage response = await this.PostJsonAsync("/api/applications", application);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Submission answered {(int)response.StatusCode}: {text}");
        JsonNode body = JsonNode.Parse(text)!;
        Assert.Equal($"/api/applications/{body["applicationId"]}", response.Headers.Location?.ToString());
        return body["applicationId"]!.GetValue<string>();
    }

    public async Task<JsonNode> GetAsync(string applicationId)
    {
        using HttpResponseMessage response = await this.Http.GetAsync($"/api/applications/{applicationId}");
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Status answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
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

    public async Task PayAsync(string applicationId, decimal amount = 200m)
    {
        using HttpResponseMessage response = await this.PostJsonAsync(
            $"/api/applications/{applicationId}/payments",
            new JsonObject { ["paymentId"] = "PAY-" + Guid.NewGuid().ToString("N")[..12], ["amount"] = amount, ["currency"] = "EUR" });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Payment answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task DecideAsync(string applicationId, string verdict, params string[] grounds)
    {
        using HttpResponseMessage response = await this.PostJsonAsync(
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

    public void Dispose() => this.Http.Dispose();
}
