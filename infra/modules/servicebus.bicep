// Service Bus, Standard tier (topics and duplicate detection need it): queues federal-handoff (to the federal office)
// and federal-decisions (from it), topic sla-alerts with a managers subscription. Message ids are idempotency keys, so
// every entity detects duplicates; messages that expire are dead-lettered, and a message whose handling keeps failing
// is dead-lettered after maxDeliveryCount. Local (SAS) authentication is off: Entra ID roles only, Sender or
// Receiver on the one entity that needs it, never Owner.

param name string
param location string
param tags object

@description('Principal id of the app identity.')
param appPrincipalId string

@description('Principal id of the federal office\'s identity (empty: assign it later). It receives handoffs and sends decisions.')
param federalOfficePrincipalId string = ''

@description('Deliveries before a message whose handling keeps failing is dead-lettered. The drain runs every 10 s, so 20 is a few minutes of failures.')
param maxDeliveryCount int = 20

@description('How long the broker remembers message ids for duplicate detection.')
param duplicateDetectionWindow string = 'P1D'

@description('How long a message waits for a receiver before it expires (and is dead-lettered).')
param messageTimeToLive string = 'P14D'

var roles = {
  sender: '69a216fc-b8fb-44d8-bc22-1f3c2552a1ba'
  receiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
}

var queueProperties = {
  lockDuration: 'PT1M'
  maxSizeInMegabytes: 1024
  requiresDuplicateDetection: true
  duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
  requiresSession: false
  defaultMessageTimeToLive: messageTimeToLive
  deadLetteringOnMessageExpiration: true
  maxDeliveryCount: maxDeliveryCount
  enablePartitioning: false
  enableBatchedOperations: true
}

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource federalHandoff 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = {
  parent: namespace
  name: 'federal-handoff'
  properties: queueProperties
}

resource federalDecisions 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = {
  parent: namespace
  name: 'federal-decisions'
  properties: queueProperties
}

resource slaAlerts 'Microsoft.ServiceBus/namespaces/topics@2022-10-01-preview' = {
  parent: namespace
  name: 'sla-alerts'
  properties: {
    maxSizeInMegabytes: 1024
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    defaultMessageTimeToLive: messageTimeToLive
    enablePartitioning: false
    enableBatchedOperations: true
    supportOrdering: false
  }
}

resource managers 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2022-10-01-preview' = {
  parent: slaAlerts
  name: 'managers'
  properties: {
    lockDuration: 'PT1M'
    requiresSession: false
    defaultMessageTimeToLive: messageTimeToLive
    deadLetteringOnMessageExpiration: true
    deadLetteringOnFilterEvaluationExceptions: true
    maxDeliveryCount: maxDeliveryCount
    enableBatchedOperations: true
  }
}

// The app: sends handoffs and cancellations; receives federal decisions and sends replays of dead-lettered ones back;
// publishes alerts and drains the managers subscription (Service Bus roles scope to a queue or a topic at the finest).
resource appSendsHandoffs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(federalHandoff.id, appPrincipalId, roles.sender)
  scope: federalHandoff
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.sender)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appReceivesDecisions 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(federalDecisions.id, appPrincipalId, roles.receiver)
  scope: federalDecisions
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.receiver)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appReplaysDecisions 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(federalDecisions.id, appPrincipalId, roles.sender)
  scope: federalDecisions
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.sender)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appPublishesAlerts 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(slaAlerts.id, appPrincipalId, roles.sender)
  scope: slaAlerts
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.sender)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appReceivesAlerts 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(slaAlerts.id, appPrincipalId, roles.receiver)
  scope: slaAlerts
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.receiver)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The federal office: receives handoffs, sends decisions. Nothing else.
resource federalOfficeReceivesHandoffs 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(federalOfficePrincipalId)) {
  name: guid(federalHandoff.id, federalOfficePrincipalId, roles.receiver)
  scope: federalHandoff
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.receiver)
    principalId: federalOfficePrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource federalOfficeSendsDecisions 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(federalOfficePrincipalId)) {
  name: guid(federalDecisions.id, federalOfficePrincipalId, roles.sender)
  scope: federalDecisions
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.sender)
    principalId: federalOfficePrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = namespace.name
// serviceBusEndpoint is https://<name>.servicebus.windows.net:443/ (the host name differs in sovereign clouds).
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
