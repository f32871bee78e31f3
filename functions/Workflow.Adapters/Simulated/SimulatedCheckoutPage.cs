using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Workflow.Application.Http;
using Workflow.Application.Web;

namespace Workflow.Adapters.Simulated;

/// <summary>
/// The simulated provider's checkout page (local host only), where the portal sends the payer: the amount, the
/// reference, and buttons that post to the provider's pay and fail endpoints, then a link back to the portal. Marked
/// as a simulation on the page. Served under the pages' content security policy: the values are HTML-encoded into a
/// fixed template, the script is a file of its own.
/// </summary>
internal static class SimulatedCheckoutPage
{
    public const string ScriptPath = "/simulated-psp/checkout.js";

    static readonly Lazy<string> Template = new(() => Resource("checkout.html"));
    static readonly Lazy<byte[]> Script = new(() => Encoding.UTF8.GetBytes(Resource("checkout.js")));

    public static IResult Page(HttpContext http, string providerPaymentId, TableEntity? checkout)
    {
        Pages.Secure(http.Response);
        http.Response.Headers.CacheControl = "no-store";
        if (checkout is null)
        {
            return Problems.NotFound("No such checkout.");
        }

        string applicationId = checkout.GetString("ApplicationId");
        string html = Template.Value
            .Replace("{{CheckoutPath}}", Encode($"{SimulatedPaymentProvider.CheckoutPath}/{providerPaymentId}"), StringComparison.Ordinal)
            .Replace("{{Amount}}", Encode($"{SimulatedPaymentProvider.Amount(checkout.GetInt64("AmountCents") ?? 0)} {checkout.GetString("Currency")}"), StringComparison.Ordinal)
            .Replace("{{Reference}}", Encode(checkout.GetString("Reference")), StringComparison.Ordinal)
            .Replace("{{ApplicationId}}", Encode(applicationId), StringComparison.Ordinal)
            .Replace("{{PaymentId}}", Encode(checkout.GetString("PaymentId")), StringComparison.Ordinal)
            .Replace("{{ReturnUrl}}", Encode($"/portal/#/applications/{Uri.EscapeDataString(applicationId)}"), StringComparison.Ordinal);
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    public static IResult ScriptFile(HttpContext http)
    {
        Pages.Secure(http.Response);
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(Script.Value, "text/javascript; charset=utf-8");
    }

    static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    static string Resource(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"simulated-psp/{name}")
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The checkout's {name} is not embedded."));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
