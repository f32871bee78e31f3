using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Storage.Queues.Models;
using Workflow.Application.Access;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;

namespace Workflow.FunctionalTests.Abuse;

/// <summary>
/// Federal callbacks under abuse (issue 5, item 2), through both channels the federal office has: the
/// <c>federal-decisions</c> queue and the signed webhook. The table states the outcome of every message a case sends,
/// as docs/design.md#federal-messages has it: a message for an unknown application or a malformed one is poisoned with its reason (the
/// webhook refuses it with a 4xx problem); a duplicate or late message for a known application is recorded in the
/// audit log and changes nothing. Nothing is lost: every message for a known application shows in its timeline as
/// received, and the workflow takes exactly the one federal decision it should.
/// </summary>
public sealed partial class FederalCallbackAbuseTests(FederalAbuseFixture fixture) : IClassFixture<FederalAbuseFixture>
{
    internal const string Queue = "queue";
    internal const string Webhook = "webhook";

    /// <summary>
    /// The outcomes, one per message the case sends, in order:
    /// <list type="bullet">
    /// <item><c>Delivered</c>: raised on the workflow and acted on (webhook 202);</item>
    /// <item><c>Duplicate</c>: the same message id and content again: answered from its record (webhook 200, handling
    /// duplicate), counted as a repeat on the record, nothing raised and no audit row more;</item>
    /// <item><c>Late(x)</c>: recorded once with <c>federal-…-x</c> (x late or stale) and not acted on: at the edge when the
    /// case index already tells (webhook 200, recorded-late), else by the workflow (webhook 202);</item>
    /// <item><c>Poisoned(handling: reason)</c>: moved to <c>federal-decisions-poison</c> in an envelope with that handling and reason;</item>
    /// <item><c>Rejected NNN(detail)</c>: the webhook answers NNN with a problem whose detail says so.</item>
    /// </list>
    /// </summary>
    public static TheoryData<string, string, string> Table => new()
    {
        // case                                         channel  outcome of each message sent, in order
        { Cases.SameDecisionThreeTimes, Queue, "Delivered; Duplicate; Duplicate" },
        { Cases.SameDecisionThreeTimes, Webhook, "Delivered; Duplicate; Duplicate" },
        { Cases.DecisionBeforeAcknowledgement, Queue, "Delivered; Late(late)" },
        { Cases.DecisionBeforeAcknowledgement, Webhook, "Delivered; Late(late)" },
        { Cases.DecisionBeforeTheWorkflowWaits, Queue, "Delivered" },
        { Cases.DecisionBeforeTheWorkflowWaits, Webhook, "Delivered" },
        { Cases.DecisionForAnotherHandoff, Queue, "Late(stale); Delivered" },
        { Cases.DecisionForAnotherHandoff, Webhook, "Late(stale); Delivered" },
        { Cases.DecisionForAFinishedApplication, Queue, "Delivered; Late(late)" },
        { Cases.DecisionForAFinishedApplication, Webhook, "Delivered; Late(late)" },
        { Cases.DecisionAfterTheFederalLegWasCancelled, Queue, "Late(late)" },
        { Cases.DecisionAfterTheFederalLegWasCancelled, Webhook, "Late(late)" },
        { Cases.DecisionForAnUnknownApplication, Queue, "Poisoned(unknown-application: No application)" },
        { Cases.DecisionForAnUnknownApplication, Webhook, "Rejected 404(No application)" },
        { Cases.MalformedJson, Queue, "Poisoned(malformed: not a federal message)" },
        { Cases.MalformedJson, Webhook, "Rejected 400(not a federal message)" },
        { Cases.DecisionWithoutAVerdict, Queue, "Poisoned(malformed: a decision message needs a decision)" },
        { Cases.DecisionWithoutAVerdict, Webhook, "Rejected 400(a decision message needs a decision)" },
        { Cases.HostileMemberName, Queue, "Poisoned(malformed: not a federal message)" },
        { Cases.HostileMemberName, Webhook, "Rejected 400(not a federal message)" },
        { Cases.Oversized, Queue, "Poisoned(malformed: larger than 16384 bytes)" },
        { Cases.Oversized, Webhook, "Rejected 413(At most 16384 bytes)" },
        { Cases.Unsigned, Webhook, "Rejected 401(Sign the call)" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task A_federal_callback_under_abuse_has_the_outcome_the_table_states(string @case, string channel, string outcomes)
    {
        var run = new AbuseRun(fixture.Host, channel, [.. outcomes.Split("; ").Select(Outcome.Parse)]);
        switch (@case)
        {
            case Cases.SameDecisionThreeTimes:
            {
                (string applicationId, string handoffId) = await fixture.AtCaseworkerAsync(@case, channel);
                string decision = Messages.Decision(applicationId, handoffId, "approved", Messages.Id("three"));

                // Before the caseworker decides, so the workflow is running and sees every copy it is handed.
                await run.SendAsync(decision);
                await run.SendAsync(decision);
                await run.SendAsync(decision);
                await fixture.Host.Api.DecideAsync(applicationId, "approve");
                await run.ExpectOutcomeAsync(applicationId, "granted", federalDecisions: 1);
                break;
            }

            case Cases.DecisionBeforeAcknowledgement:
            {
                (string applicationId, string handoffId) = await fixture.AtCaseworkerAsync(@case, channel);
                await run.SendAsync(Messages.Decision(applicationId, handoffId, "approved", Messages.Id("decision")));
                await run.SendAsync(Messages.Acknowledgement(applicationId, handoffId, Messages.Id("ack")));
                await fixture.Host.Api.DecideAsync(applicationId, "approve");
                await run.ExpectOutcomeAsync(applicationId, "granted", federalDecisions: 1);
                Assert.DoesNotContain("federal-acknowledged", await Scenario.TimelineAsync(fixture.Host, applicationId));
                break;
            }

            case Cases.DecisionBeforeTheWorkflowWaits:
            {
                // The decision goes out the moment the handoff reaches the federal office: before the caseworker decides,
                // most often while the workflow is still assessing and not yet waiting for any answer.
                string applicationId = await fixture.Host.Api.SubmitAsync(Samples.Load(Samples.HighlySkilled));
                await fixture.Host.Api.PayAsync(applicationId);
                JsonElement handoff = await fixture.Host.FederalOffice.WaitForAsync(applicationId, "handoff", Scenario.StepTimeout);
                await run.SendAsync(Messages.Decision(applicationId, handoff.GetProperty("handoffId").GetString()!, "approved", Messages.Id("early")));

                // Taken while the caseworker's decision is still open.
                await Eventually.ReturnsAsync(
                    async () =>
                    {
                        JsonNode status = await fixture.Host.Api.GetAsync(applicationId);
                        return status["stage"]!.GetValue<string>() == "awaiting-decision" && status["federalLeg"]!["status"]!.GetValue<string>() == "approved" ? status : null;
                    },
                    Scenario.StepTimeout,
                    $"{applicationId} to hold the federal approval while awaiting the caseworker");
                Assert.DoesNotContain("caseworker-decided", await Scenario.TimelineAsync(fixture.Host, applicationId));

                // The caseworker's approval is then all the workflow needs: it does not wait for the federal office again.
                await fixture.Host.Api.DecideAsync(applicationId, "approve");
                await run.ExpectOutcomeAsync(applicationId, "granted", federalDecisions: 1);
                Assert.DoesNotContain("awaiting-federal-decision", await Scenario.TimelineAsync(fixture.Host, applicationId));
                break;
            }

            case Cases.DecisionForAnotherHandoff:
            {
                (string applicationId, string handoffId) = await fixture.AtCaseworkerAsync(@case, channel);
                await run.SendAsync(Messages.Decision(applicationId, applicationId + "-h9", "refused", Messages.Id("stale")));
                Assert.Equal("handed-off", (await fixture.Host.Api.GetAsync(applicationId))["federalLeg"]!["status"]!.GetValue<string>());
                await run.SendAsync(Messages.Decision(applicationId, handoffId, "approved", Messages.Id("real")));
                await fixture.Host.Api.DecideAsync(applicationId, "approve");
                await run.ExpectOutcomeAsync(applicationId, "granted", federalDecisions: 1);
                break;
            }

            case Cases.DecisionForAFinishedApplication:
            {
                (string applicationId, string handoffId) = await fixture.AtCaseworkerAsync(@case, channel);
                await fixture.Host.Api.DecideAsync(applicationId, "approve");
                await fixture.Host.Api.WaitForStageAsync(applicationId, "awaiting-federal-decision");
                await run.SendAsync(Messages.Decision(applicationId, handoffId, "approved", Messages.Id("first")));
                await Scenario.CompletedAsync(fixture.Host, applicationId);

                // A second, contradicting decision after the application closed changes nothing.
                await run.SendAsync(Messages.Decision(applicationId, handoffId, "refused", Messages.Id("after")));
                await run.ExpectOutcomeAsync(applicationId, "granted", federalDecisions: 1);
                break;
            }

            case Cases.DecisionAfterTheFederalLegWasCancelled:
            {
                (string applicationId, string handoffId) = await fixture.AtCaseworkerAsync(@case, channel);
                await fixture.Host.Api.DecideAsync(applicationId, "refuse", DecisionGrounds.CaseworkerGrounds[0].Code);
                JsonElement cancellation = await fixture.Host.FederalOffice.WaitForAsync(applicationId, "cancellation", Scenario.StepTimeout);
                Assert.Equal(handoffId, cancellation.GetProperty("handoffId").GetString());
                await Scenario.CompletedAsync(fixture.Host, applicationId);

                await run.SendAsync(Messages.Decision(applicationId, handoffId, "approved", Messages.Id("cancelled")));
                await run.ExpectOutcomeAsync(applicationId, "refused", federalDecisions: 0);
                Assert.Contains("federal-leg-cancelled", await Scenario.TimelineAsync(fixture.Host, applicationId));
                break;
            }

            case Cases.DecisionForAnUnknownApplication:
            {
                string unknown = ApplicationIds.Derive("0412345614", "never-submitted-" + Guid.NewGuid().ToString("N"));
                await run.SendAsync(Messages.Decision(unknown, unknown + "-h1", "approved", Messages.Id("unknown")));
                using HttpResponseMessage status = await fixture.Host.Api.As(Roles.Caseworker).Http.GetAsync($"/api/applications/{unknown}");
                Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
                Assert.Null(await fixture.Host.Engine.GetInstanceAsync(unknown));
                break;
            }

            case Cases.MalformedJson:
                await run.SendAsync($"{{\"messageId\":\"{Messages.Id("broken")}\",\"kind\":\"decision\",\"applicationId\":");
                break;

            case Cases.DecisionWithoutAVerdict:
            {
                string id = ApplicationIds.Derive("0412345614", "no-verdict-" + Guid.NewGuid().ToString("N"));
                await run.SendAsync(new JsonObject
                {
                    ["messageId"] = Messages.Id("no-verdict"),
                    ["kind"] = "decision",
                    ["applicationId"] = id,
                    ["handoffId"] = id + "-h1",
                }.ToJsonString());
                break;
            }

            case Cases.HostileMemberName:
            {
                // Well under the 16 KiB a federal message may have, but every character of the unknown member's name
                // is escaped six-fold when written as JSON: a reason that repeats it would not fit a queue message.
                string id = ApplicationIds.Derive("0412345614", "hostile-" + Guid.NewGuid().ToString("N"));
                string hostile = new('é', 7000);
                await run.SendAsync(
                    $"{{\"messageId\":\"{Messages.Id("hostile")}\",\"kind\":\"decision\",\"applicationId\":\"{id}\",\"handoffId\":\"{id}-h1\",\"decision\":\"approved\",\"{hostile}\":1}}",
                    mustNotEcho: hostile);
                break;
            }

            case Cases.Oversized:
            {
                string id = ApplicationIds.Derive("0412345614", "oversized-" + Guid.NewGuid().ToString("N"));
                string padding = new('x', 20 * 1024);
                await run.SendAsync(new JsonObject
                {
                    ["messageId"] = Messages.Id("oversized"),
                    ["kind"] = "decision",
                    ["applicationId"] = id,
                    ["handoffId"] = id + "-h1",
                    ["decision"] = "approved",
                    ["reasonCodes"] = new JsonArray(padding),
                }.ToJsonString(), mustNotEcho: padding);
                break;
            }

            case Cases.Unsigned:
            {
                string id = ApplicationIds.Derive("0412345614", "unsigned-" + Guid.NewGuid().ToString("N"));
                await run.SendAsync(Messages.Decision(id, id + "-h1", "approved", Messages.Id("unsigned")), signed: false);
                break;
            }

            default:
                throw new InvalidOperationException($"The table names a case without a scenario: {@case}");
        }

        Assert.True(run.AllSent, $"The case sent fewer messages than the table states outcomes for ({outcomes}).");
    }

    /// <summary>The cases of the table; each has its scenario in the theory.</summary>
    internal static class Cases
    {
        public const string SameDecisionThreeTimes = "the same federal decision three times";
        public const string DecisionBeforeAcknowledgement = "a decision before the acknowledgement (which comes after it)";
        public const string DecisionBeforeTheWorkflowWaits = "a decision right after the handoff, before the caseworker decides";
        public const string DecisionForAnotherHandoff = "a decision for another handoff, then the real one";
        public const string DecisionForAFinishedApplication = "a decision for a finished application";
        public const string DecisionAfterTheFederalLegWasCancelled = "a decision after the federal leg was cancelled";
        public const string DecisionForAnUnknownApplication = "a decision for an unknown application id";
        public const string MalformedJson = "malformed JSON";
        public const string DecisionWithoutAVerdict = "a decision message without a decision";
        public const string HostileMemberName = "an unknown member with a 7000-character name";
        public const string Oversized = "an oversized message (20 KiB)";
        public const string Unsigned = "an unsigned webhook call";

        /// <summary>The cases that start from an application at the caseworker's desk, prepared by the fixture.</summary>
        public static readonly string[] AtCaseworker =
        [
            SameDecisionThreeTimes, DecisionBeforeAcknowledgement, DecisionForAnotherHandoff, DecisionForAFinishedApplication,
            DecisionAfterTheFederalLegWasCancelled,
        ];
    }

    /// <summary>Federal messages as the federal office writes them.</summary>
    internal static class Messages
    {
        /// <summary>A unique message id; it also marks the message's poison entry.</summary>
        public static string Id(string what) => $"abuse-{what}-{Guid.NewGuid():N}"[..40];

        public static string Decision(string applicationId, string handoffId, string verdict, string messageId) => new JsonObject
        {
            ["messageId"] = messageId,
            ["kind"] = "decision",
            ["applicationId"] = applicationId,
            ["handoffId"] = handoffId,
            ["decision"] = verdict,
            ["reasonCodes"] = verdict == "refused" ? new JsonArray("insufficient-means") : new JsonArray(),
        }.ToJsonString();

        public static string Acknowledgement(string applicationId, string handoffId, string messageId) => new JsonObject
        {
            ["messageId"] = messageId,
            ["kind"] = "acknowledgement",
            ["applicationId"] = applicationId,
            ["handoffId"] = handoffId,
        }.ToJsonString();
    }

    /// <summary>One stated outcome of the table.</summary>
    internal sealed partial record Outcome(string Kind, int? Status, string? Argument)
    {
        public const string Delivered = "Delivered";
        public const string Duplicate = "Duplicate";
        public const string Late = "Late";
        public const string Poisoned = "Poisoned";
        public const string Rejected = "Rejected";

        public static Outcome Parse(string text)
        {
            Match match = Grammar().Match(text.Trim());
            Assert.True(match.Success, $"Not an outcome: '{text}'");
            var outcome = new Outcome(
                match.Groups["kind"].Value,
                match.Groups["status"].Success ? int.Parse(match.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
                match.Groups["arg"].Success ? match.Groups["arg"].Value : null);
            Assert.Contains(outcome.Kind, new[] { Delivered, Duplicate, Late, Poisoned, Rejected });
            return outcome;
        }

        [GeneratedRegex(@"^(?<kind>[A-Za-z-]+)(?: (?<status>\d{3}))?(?:\((?<arg>.*)\))?$")]
        private static partial Regex Grammar();
    }

    /// <summary>
    /// Sends a case's messages through one channel, each checked against its stated outcome as soon as it is sent
    /// (the observable state is awaited, never slept for).
    /// </summary>
    internal sealed class AbuseRun(PermitHost host, string channel, IReadOnlyList<Outcome> outcomes)
    {
        readonly Dictionary<string, int> sendsOf = new(StringComparer.Ordinal);
        readonly HashSet<string> applications = new(StringComparer.Ordinal);
        int next;

        public bool AllSent => this.next == outcomes.Count;

        public async Task SendAsync(string body, bool signed = true, string? mustNotEcho = null)
        {
            Assert.True(this.next < outcomes.Count, $"The case sends more messages than the table states outcomes for ({outcomes.Count}).");
            Outcome outcome = outcomes[this.next++];
            DateTimeOffset sentAt = DateTimeOffset.UtcNow;
            string? queueMessageId = null;
            HttpResponseMessage? response = null;
            try
            {
                if (channel == Queue)
                {
                    SendReceipt receipt = (await host.Storage.Queue("federal-decisions").SendMessageAsync(body)).Value;
                    queueMessageId = receipt.MessageId;
                }
                else
                {
                    response = signed ? await host.Api.PostFederalAsync(body) : await host.Api.PostRawAsync("/api/federal/decisions", body);
                }

                (string? messageId, string? applicationId, string? kind) = Identify(body);
                if (outcome.Kind is Outcome.Poisoned or Outcome.Rejected)
                {
                    await this.ExpectRefusedAsync(outcome, body, messageId, queueMessageId, response, sentAt, mustNotEcho);
                    return;
                }

                Assert.True(messageId is not null && applicationId is not null && kind is not null, "A message for a known application names its id, application and kind.");
                this.applications.Add(applicationId);
                int sends = this.sendsOf[messageId] = this.sendsOf.GetValueOrDefault(messageId) + 1;
                await this.ExpectRecordedAsync(outcome, applicationId, messageId, kind, sends, response);
            }
            finally
            {
                response?.Dispose();
            }
        }

        /// <summary>
        /// The end state: the outcome and how many federal decisions the workflow took; every message is recorded on
        /// receipt exactly once however often it was sent, and its repeats are counted on its command record.
        /// </summary>
        public async Task ExpectOutcomeAsync(string applicationId, string outcome, int federalDecisions)
        {
            JsonNode result = await Scenario.CompletedAsync(host, applicationId);
            Assert.Equal(outcome, result["outcome"]!.GetValue<string>());
            JsonNode status = await host.Api.GetAsync(applicationId);
            Assert.Equal(outcome, status["decision"]!["outcome"]!.GetValue<string>());
            List<JsonNode> timeline = [.. status["timeline"]!.AsArray().Select(e => e!)];
            Assert.Equal(federalDecisions, timeline.Count(e => Event(e) == "federal-decided"));
            Assert.Equal(1, timeline.Count(e => Event(e) == "decided"));

            JsonNode commands = await host.Api.CommandsAsync(applicationId);
            foreach ((string messageId, int sends) in this.sendsOf)
            {
                Assert.Equal(1, timeline.Count(e => Event(e).StartsWith("federal-", StringComparison.Ordinal) && Event(e).EndsWith("-received", StringComparison.Ordinal) && MessageIdOf(e) == messageId));
                JsonNode record = commands.AsArray().Single(c => c!["command"]!["kind"]!.GetValue<string>() == "federal" && c["command"]!["commandId"]!.GetValue<string>() == messageId)!;
                Assert.Equal(sends - 1, record["repeats"]!.GetValue<int>());
            }
        }

        async Task ExpectRecordedAsync(Outcome outcome, string applicationId, string messageId, string kind, int sends, HttpResponseMessage? response)
        {
            if (response is not null)
            {
                string text = await response.Content.ReadAsStringAsync();
                (HttpStatusCode Status, string Handling)[] allowed = outcome.Kind switch
                {
                    Outcome.Delivered => [(HttpStatusCode.Accepted, "delivered")],
                    Outcome.Duplicate => [(HttpStatusCode.OK, "duplicate")],
                    _ => [(HttpStatusCode.OK, "recorded-late"), (HttpStatusCode.Accepted, "delivered")],
                };
                JsonElement handling = JsonDocument.Parse(text).RootElement;
                Assert.True(
                    allowed.Contains((response.StatusCode, handling.TryGetProperty("handling", out JsonElement h) ? h.GetString()! : "")),
                    $"{outcome.Kind}: the webhook answered {(int)response.StatusCode}: {text}");
                Assert.Equal(messageId, handling.GetProperty("messageId").GetString());
            }

            string received = $"federal-{kind}-received";
            string what = $"{outcome} of {messageId} (send {sends}) on {applicationId}";
            switch (outcome.Kind)
            {
                case Outcome.Delivered:
                    await this.TimelineHoldsAsync(applicationId, t => Count(t, received, messageId) == 1 && Count(t, kind == "decision" ? "federal-decided" : "federal-acknowledged", null) == 1, what);
                    break;
                case Outcome.Duplicate:
                    // Answered from the record: one receipt however often sent, the repeat counted on the record.
                    await Eventually.HoldsAsync(
                        async () =>
                        {
                            JsonNode commands = await host.Api.CommandsAsync(applicationId);
                            return commands.AsArray().Any(c => c!["command"]!["commandId"]!.GetValue<string>() == messageId && c["repeats"]!.GetValue<int>() >= sends - 1);
                        },
                        Scenario.StepTimeout,
                        what);
                    Assert.Equal(1, Count([.. (await host.Api.GetAsync(applicationId))["timeline"]!.AsArray().Select(e => e!)], received, messageId));
                    break;
                default:
                    await this.TimelineHoldsAsync(applicationId, t => Count(t, received, messageId) == 1 && Count(t, $"federal-{kind}-{outcome.Argument}", messageId) == 1, what);
                    break;
            }
        }

        async Task ExpectRefusedAsync(Outcome outcome, string body, string? messageId, string? queueMessageId, HttpResponseMessage? response, DateTimeOffset sentAt, string? mustNotEcho)
        {
            if (outcome.Kind == Outcome.Rejected)
            {
                Assert.True(response is not null, "Only the webhook rejects: a queue has no one to answer.");
                Assert.Equal(outcome.Status, (int)response.StatusCode);
                string text = await response.Content.ReadAsStringAsync();
                JsonElement problem = await ApiClient.ProblemAsync(response);
                Assert.Equal(outcome.Status, problem.GetProperty("status").GetInt32());
                Assert.Contains(outcome.Argument!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                AssertNoEcho(text, mustNotEcho);
                return;
            }

            Assert.True(queueMessageId is not null, "Only the queue poisons: the webhook answers.");
            string[] parts = outcome.Argument!.Split(": ", 2);
            PoisonedEntry entry = await PoisonedAsync(host, queueMessageId, Scenario.StepTimeout);
            Assert.Equal(parts[0], entry.Envelope.GetProperty("handling").GetString());
            string reason = entry.Envelope.GetProperty("reason").GetString()!;
            Assert.Contains(parts[1], reason, StringComparison.Ordinal);
            Assert.True(reason.Length <= 1024, $"The poison reason is {reason.Length} characters: it must say why, not repeat the message.");
            AssertNoEcho(reason, mustNotEcho);
            Assert.Equal(queueMessageId, entry.Envelope.GetProperty("originalMessageId").GetString());
            Assert.True(entry.Envelope.GetProperty("dequeueCount").GetInt64() >= 1);
            DateTimeOffset poisonedAt = entry.Envelope.GetProperty("receivedAt").GetDateTimeOffset();
            Assert.InRange(poisonedAt, sentAt.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

            // The body is kept for the operator, cut (and marked so) when it is larger than an envelope holds.
            string kept = entry.Envelope.GetProperty("body").GetString()!;
            bool truncated = entry.Envelope.TryGetProperty("bodyTruncated", out JsonElement flag) && flag.GetBoolean();
            Assert.Equal(body.Length > 8 * 1024, truncated);
            Assert.Equal(truncated ? body[..(8 * 1024)] : body, kept);
            if (messageId is not null)
            {
                Assert.Contains(messageId, kept, StringComparison.Ordinal);
            }
        }

        async Task TimelineHoldsAsync(string applicationId, Func<List<JsonNode>, bool> holds, string what)
        {
            List<JsonNode> last = [];
            try
            {
                await Eventually.HoldsAsync(
                    async () =>
                    {
                        last = [.. (await host.Api.GetAsync(applicationId))["timeline"]!.AsArray().Select(e => e!)];
                        return holds(last);
                    },
                    Scenario.StepTimeout,
                    what);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{e.Message} Timeline: {string.Join(", ", last.Select(t => $"{Event(t)}[{MessageIdOf(t)}]"))}", e);
            }
        }

        static int Count(List<JsonNode> timeline, string eventCode, string? messageId) =>
            timeline.Count(e => Event(e) == eventCode && (messageId is null || MessageIdOf(e) == messageId));

        static (string? MessageId, string? ApplicationId, string? Kind) Identify(string body)
        {
            try
            {
                JsonNode? node = JsonNode.Parse(body);
                return (node?["messageId"]?.GetValue<string>(), node?["applicationId"]?.GetValue<string>(), node?["kind"]?.GetValue<string>());
            }
            catch (JsonException)
            {
                return (null, null, null);
            }
        }
    }

    internal static string Event(JsonNode entry) => entry["event"]!.GetValue<string>();

    /// <summary>The federal message id a timeline row names (the workflow's rows carry it with its command kind, "federal:").</summary>
    internal static string? MessageIdOf(JsonNode entry) =>
        entry["details"]?["messageId"]?.GetValue<string>() is string id && id.StartsWith("federal:", StringComparison.Ordinal) ? id["federal:".Length..] : entry["details"]?["messageId"]?.GetValue<string>();

    /// <summary>A long hostile string is never repeated back: not its start, not its end.</summary>
    internal static void AssertNoEcho(string text, string? hostile)
    {
        if (hostile is { Length: > 64 })
        {
            Assert.DoesNotContain(hostile[..64], text, StringComparison.Ordinal);
            Assert.DoesNotContain(hostile[^64..], text, StringComparison.Ordinal);
        }
    }

    internal sealed record PoisonedEntry(string PoisonMessageId, JsonElement Envelope);

    /// <summary>Waits for the poison entry of a queue message (its envelope's <c>originalMessageId</c>), reading the whole queue.</summary>
    internal static async Task<PoisonedEntry> PoisonedAsync(PermitHost host, string originalMessageId, TimeSpan timeout) =>
        await Eventually.ReturnsAsync(
            async () =>
            {
                PeekedMessage[] peeked = (await host.Storage.Queue("federal-decisions-poison").PeekMessagesAsync(maxMessages: 32)).Value;
                PoisonedEntry[] found = [.. peeked
                    .Select(m => new PoisonedEntry(m.MessageId, JsonDocument.Parse(Encoding.UTF8.GetString(m.Body.ToArray())).RootElement.Clone()))
                    .Where(e => e.Envelope.GetProperty("originalMessageId").GetString() == originalMessageId)];
                Assert.True(found.Length <= 1, $"Queue message {originalMessageId} was poisoned {found.Length} times.");
                Assert.True(peeked.Length < 32 || found.Length == 1, "The poison queue holds more than the 32 entries a peek shows: this host's poison queue is shared too widely.");
                return found.Length == 1 ? found[0] : null;
            },
            timeout,
            $"the poison entry of queue message {originalMessageId}");
}

/// <summary>
/// Prepares the applications the table's cases need at the caseworker's desk ahead of their rows (which xunit runs one
/// after another), two at a time so the shared host is not flooded; a row whose application is not prepared yet starts
/// its own at once.
/// </summary>
public sealed class FederalAbuseFixture : IAsyncLifetime
{
    const int AheadAtOnce = 2;

    readonly Dictionary<string, Lazy<Task<(string ApplicationId, string? HandoffId)>>> prepared = new(StringComparer.Ordinal);
    Task prefetch = Task.CompletedTask;

    internal PermitHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        this.Host = await SharedHost.GetAsync();
        foreach (object[] row in FederalCallbackAbuseTests.Table)
        {
            string @case = (string)row[0], channel = (string)row[1];
            if (FederalCallbackAbuseTests.Cases.AtCaseworker.Contains(@case))
            {
                this.prepared[Key(@case, channel)] = new(() => Scenario.AtCaseworkerAsync(this.Host, Samples.HighlySkilled));
            }
        }

        this.prefetch = Task.Run(async () =>
        {
            foreach (Lazy<Task<(string ApplicationId, string? HandoffId)>>[] batch in this.prepared.Values.Chunk(AheadAtOnce))
            {
                try
                {
                    await Task.WhenAll(batch.Select(p => p.Value));
                }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException or Xunit.Sdk.XunitException)
                {
                    // Its row fails and says why.
                }
            }
        });
    }

    internal async Task<(string ApplicationId, string HandoffId)> AtCaseworkerAsync(string @case, string channel)
    {
        (string applicationId, string? handoffId) = await this.prepared[Key(@case, channel)].Value;
        return (applicationId, handoffId!);
    }

    public async Task DisposeAsync()
    {
        await this.prefetch;
        foreach (Lazy<Task<(string ApplicationId, string? HandoffId)>> lazy in this.prepared.Values.Where(p => p.IsValueCreated))
        {
            try
            {
                (string applicationId, _) = await lazy.Value;
                if ((await this.Host.Engine.GetInstanceAsync(applicationId))?.IsRunning == true)
                {
                    await Scenario.EndAsync(this.Host, applicationId);
                }
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException or Xunit.Sdk.XunitException)
            {
                // Its row has failed already and says why.
            }
        }
    }

    static string Key(string @case, string channel) => $"{@case}/{channel}";
}
