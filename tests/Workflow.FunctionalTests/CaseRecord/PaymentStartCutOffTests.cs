using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Adapters.Storage;
using Workflow.Application.Ports;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;

namespace Workflow.FunctionalTests.CaseRecord;

/// <summary>
/// A payment start is five writes: the provider's checkout, the payment's record, the command's record, the audit
/// receipt, the command's settlement. A request cut off part-way must leave nothing its retry cannot finish: the
/// checkout it answers with must confirm the fee (the crash tests met a checkout whose payment had never been
/// recorded: the provider's confirmation answered 404), and a start recorded but not settled is finished by its retry,
/// receipt included, as the command gate finishes its commands.
/// </summary>
public sealed class PaymentStartCutOffTests
{
    [Fact]
    public async Task A_payment_start_cut_off_before_its_payment_is_recorded_is_carried_out_whole_on_retry_and_its_checkout_confirms_the_fee()
    {
        var cut = new CutOnce();
        await using PermitHost host = await PermitHost.StartAsync(configure: builder => builder.Services.AddSingleton<IPaymentLedger>(
            services => new CutPaymentLedger(ActivatorUtilities.CreateInstance<TablePaymentLedger>(services), cut)));
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.HighlySkilled));
        try
        {
            cut.Arm("PAY-CUT");
            await StartAsync(host, applicationId, HttpStatusCode.InternalServerError);
            Assert.DoesNotContain((await host.Api.CommandsAsync(applicationId)).AsArray(), c => c!["command"]!["commandId"]!.GetValue<string>() == "PAY-CUT");

            JsonNode retried = await StartAsync(host, applicationId, HttpStatusCode.Accepted);
            Assert.False(retried["repeated"]!.GetValue<bool>());
            Assert.Equal("accepted", await FateAsync(host, applicationId));

            await ConfirmAsync(host, retried);
            await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    [Fact]
    public async Task A_payment_start_cut_off_after_its_record_stays_recorded_and_its_retry_audits_and_settles_it_once()
    {
        var cut = new CutOnce();
        await using PermitHost host = await PermitHost.StartAsync(configure: builder => builder.Services.AddSingleton<IAuditLog>(
            services => new CutAuditLog(ActivatorUtilities.CreateInstance<TableAuditLog>(services), cut)));
        string applicationId = await host.Api.SubmitAsync(Samples.Load(Samples.HighlySkilled));
        try
        {
            string receipt = $"cmd-{CommandKinds.MessageId(CommandKinds.Payment, "PAY-CUT")}";
            cut.Arm(receipt);
            await StartAsync(host, applicationId, HttpStatusCode.InternalServerError);
            Assert.Equal("recorded", await FateAsync(host, applicationId)); // not settled: its retry finishes it

            JsonNode retried = await StartAsync(host, applicationId, HttpStatusCode.Accepted);
            Assert.False(retried["repeated"]!.GetValue<bool>());
            Assert.Equal("accepted", await FateAsync(host, applicationId));
            JsonNode repeated = await StartAsync(host, applicationId, HttpStatusCode.OK);
            Assert.True(repeated["repeated"]!.GetValue<bool>());
            Assert.Equal(retried["details"]!["checkoutUrl"]!.GetValue<string>(), repeated["details"]!["checkoutUrl"]!.GetValue<string>());

            IReadOnlyList<AuditEntry> log = await host.Services.GetRequiredService<IAuditLog>().ListAsync(applicationId, CancellationToken.None);
            AuditEntry entry = Assert.Single(log, e => e.Key == receipt);
            Assert.Equal("PAY-CUT", entry.Details["paymentId"]);
            Assert.DoesNotContain("checkoutUrl", entry.Details.Keys);

            await ConfirmAsync(host, retried);
            await host.Api.WaitForStageAsync(applicationId, "awaiting-decision");
        }
        finally
        {
            await Scenario.EndAsync(host, applicationId);
        }
    }

    /// <summary>The employer starts payment PAY-CUT; the answer must have <paramref name="expected"/> (a 500 where the test cut the start).</summary>
    static async Task<JsonNode> StartAsync(PermitHost host, string applicationId, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await host.Api.AsEmployerOf(applicationId).PostJsonAsync(
            $"/api/applications/{applicationId}/payments", new JsonObject { ["paymentId"] = "PAY-CUT" });
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"the start answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>The fate of payment PAY-CUT's command, as the application's command list shows it.</summary>
    static async Task<string> FateAsync(PermitHost host, string applicationId) =>
        (await host.Api.CommandsAsync(applicationId)).AsArray()
            .Single(c => c!["command"]!["commandId"]!.GetValue<string>() == "PAY-CUT")!["command"]!["fate"]!.GetValue<string>();

    /// <summary>The payer pays at the checkout the answer names; the provider's confirmation is applied (202).</summary>
    static async Task ConfirmAsync(PermitHost host, JsonNode answer)
    {
        string checkout = answer["details"]!["checkoutUrl"]!.GetValue<string>();
        using HttpResponseMessage paid = await host.Api.Http.PostAsync(new Uri(checkout + "/pay", UriKind.Relative), null);
        Assert.True(paid.StatusCode == HttpStatusCode.Accepted, $"the provider's confirmation answered {(int)paid.StatusCode}: {await paid.Content.ReadAsStringAsync()}");
    }

    /// <summary>One armed key: the next write of it fails, as if the host had died there.</summary>
    sealed class CutOnce
    {
        readonly Lock gate = new();
        string? armed;

        public void Arm(string key)
        {
            lock (this.gate)
            {
                this.armed = key;
            }
        }

        public void ThrowIfArmed(string key)
        {
            lock (this.gate)
            {
                if (this.armed != key)
                {
                    return;
                }

                this.armed = null;
            }

            throw new IOException($"The host died writing {key} (injected by the test).");
        }
    }

    sealed class CutPaymentLedger(IPaymentLedger inner, CutOnce cut) : IPaymentLedger
    {
        public Task<PaymentRecord> RecordStartAsync(PaymentRecord payment, CancellationToken cancellationToken)
        {
            cut.ThrowIfArmed(payment.PaymentId);
            return inner.RecordStartAsync(payment, cancellationToken);
        }

        public Task<PaymentRecord?> GetAsync(string applicationId, string paymentId, CancellationToken cancellationToken) =>
            inner.GetAsync(applicationId, paymentId, cancellationToken);

        public Task<IReadOnlyList<PaymentRecord>> ListAsync(string applicationId, CancellationToken cancellationToken) =>
            inner.ListAsync(applicationId, cancellationToken);

        public Task UpdateStatusAsync(string applicationId, string paymentId, PaymentStatus status, DateTimeOffset at, CancellationToken cancellationToken) =>
            inner.UpdateStatusAsync(applicationId, paymentId, status, at, cancellationToken);
    }

    sealed class CutAuditLog(IAuditLog inner, CutOnce cut) : IAuditLog
    {
        public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
        {
            cut.ThrowIfArmed(entry.Key);
            return inner.AppendAsync(entry, cancellationToken);
        }

        public Task AppendAllAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) => inner.AppendAllAsync(entries, cancellationToken);

        public Task<IReadOnlyList<AuditEntry>> ListAsync(string applicationId, CancellationToken cancellationToken) => inner.ListAsync(applicationId, cancellationToken);
    }
}
