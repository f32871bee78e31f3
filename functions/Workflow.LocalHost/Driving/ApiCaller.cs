using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Workflow.LocalHost.Simulation;
using Workflow.Orchestrations.Domain;

namespace Workflow.LocalHost.Driving;

/// <summary>
/// Calls the API as a careful client: a 409 with Retry-After (still registering), a 429, a 5xx or no connection is
/// tried again after a pause (five tries in all); the answer's JSON on success, null on a refusal. Refusals are kept
/// for the report; a host that keeps failing (<see cref="MaxHostFailures"/>) ends the run: its figures would measure the failure.
/// </summary>
public sealed class ApiCaller
{
    /// <summary>How many requests may fail on the host's side (5xx, no connection, after retries) before the run is abandoned.</summary>
    public const int MaxHostFailures = 20;

    readonly ConcurrentQueue<string> refusals = new();
    int hostFailures;
    string? firstFailure;

    /// <summary>The refusals and failures so far, each as "METHOD /path/{id}: status problem".</summary>
    public IReadOnlyCollection<string> Refusals => this.refusals;

    public Task<JsonNode?> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return this.SendAsync(() => client, method, path, body, cancellationToken);
    }

    /// <summary>As above, asking <paramref name="client"/> for the client before each try: a run on several host processes sends a retry to one still alive.</summary>
    public async Task<JsonNode?> SendAsync(Func<HttpClient> client, HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        for (int attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            try
            {
                response = await client().SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                if (attempt < 5)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    continue;
                }

                this.HostFailed($"{method} {PathShape(path)}: {e.Message}");
                return null;
            }

            using (response)
            {
                bool retry = response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
                    || (response.StatusCode == HttpStatusCode.Conflict && response.Headers.RetryAfter is not null);
                if (retry && attempt < 5)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    // Kept for the report: a refusal the run did not expect is a finding (or a fault of the run).
                    string problem = await response.Content.ReadAsStringAsync(cancellationToken);
                    string refusal = $"{method} {PathShape(path)}: {(int)response.StatusCode} {problem[..Math.Min(problem.Length, 300)]}";
                    if ((int)response.StatusCode >= 500)
                    {
                        this.HostFailed(refusal);
                    }

                    this.refusals.Enqueue(refusal);
                    return null;
                }

                string text = await response.Content.ReadAsStringAsync(cancellationToken);
                return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text);
            }
        }
    }

    /// <summary>
    /// The fee paid as an employer pays it: the employer starts a payment, the payer pays at the simulated provider's
    /// checkout (anonymous), whose signed callback pays the fee. False when either step was refused.
    /// </summary>
    public Task<bool> PayFeeAsync(HttpClient employer, HttpClient anonymous, string applicationId, string paymentId, CancellationToken cancellationToken) =>
        this.PayFeeAsync(() => employer, () => anonymous, applicationId, paymentId, cancellationToken);

    /// <summary>As above, the clients chosen before each try (<see cref="SendAsync(Func{HttpClient}, HttpMethod, string, JsonNode?, CancellationToken)"/>).</summary>
    public async Task<bool> PayFeeAsync(Func<HttpClient> employer, Func<HttpClient> anonymous, string applicationId, string paymentId, CancellationToken cancellationToken)
    {
        JsonNode? payment = await this.SendAsync(
            employer, HttpMethod.Post, $"/api/applications/{applicationId}/payments", new JsonObject { ["paymentId"] = paymentId }, cancellationToken);
        return payment?["details"]?["checkoutUrl"]?.GetValue<string>() is string checkout
            && await this.SendAsync(anonymous, HttpMethod.Post, checkout + "/pay", null, cancellationToken) is not null;
    }

    /// <summary>A caseworker's decision: approval, or refusal because the category's conditions are not met.</summary>
    public static JsonObject Decision(string applicationId, bool refuse)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        return new JsonObject
        {
            ["decisionId"] = "DEC-" + applicationId[^8..],
            ["verdict"] = refuse ? "refuse" : "approve",
            ["grounds"] = refuse ? new JsonArray(DecisionGrounds.ConditionsNotMet.Code) : new JsonArray(),
            ["motivation"] = refuse ? "Simulated decision: the conditions of the category are not met." : "Simulated decision: the conditions of the category are met.",
        };
    }

    /// <summary>Counts a failure on the host's side that the caller saw itself.</summary>
    public void HostFailed(string failure)
    {
        this.refusals.Enqueue(failure);
        if (Interlocked.Increment(ref this.hostFailures) == MaxHostFailures)
        {
            this.firstFailure = failure;
        }
    }

    /// <summary>Throws when the host failed too often: storage gone, the engine down.</summary>
    public void ThrowIfHostFailing()
    {
        if (Volatile.Read(ref this.hostFailures) >= MaxHostFailures)
        {
            throw new SimulationAbortedException(
                $"the host failed {this.hostFailures} requests after retries (e.g. {this.firstFailure}); is storage reachable? The run is abandoned: its figures would measure the failure.");
        }
    }

    /// <summary>The path without ids and query, so refusals group by endpoint.</summary>
    public static string PathShape(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join('/', path.Split('?')[0].Split('/').Select(part => part.StartsWith("wp-", StringComparison.Ordinal) ? "{id}" : part));
    }
}
