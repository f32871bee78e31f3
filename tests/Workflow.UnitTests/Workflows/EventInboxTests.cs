using System.Reflection;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Workflows.PermitApplication;

namespace Workflow.UnitTests.Workflows;

/// <summary>An event the workflow does not listen for would sit in its buffer forever: every kind must have a listener.</summary>
public sealed class EventInboxTests
{
    [Fact]
    public void The_workflow_listens_for_every_event_name_and_each_name_is_its_payload_type()
    {
        string[] declared = [.. typeof(PermitEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)];
        string[] payloads = [.. typeof(PermitMessage).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PermitMessage)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)];

        Assert.Equal(declared, EventInbox.EventNames.Order(StringComparer.Ordinal));
        Assert.Equal(declared, payloads);
    }
}
