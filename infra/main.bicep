// Azure for the Flemish work-permit workflows, deployed with `azd up` (azure.yaml at the repository root): a
// resource group with the Function App (Flex Consumption, .NET 10 isolated), its user-assigned identity, storage
// without shared keys, Service Bus (Standard), Key Vault for the webhook secret, Log Analytics and Application
// Insights. Local modules only (registry modules cannot be restored where this is built). CI compiles this file
// (build/compile-bicep.sh); the compiled ARM JSON is never committed.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource; it must offer Flex Consumption.')
param location string

@description('Object id of the person running azd (set by azd). Given data roles only when grantDeveloperAccess is true.')
param principalId string = ''

@description('Give principalId the storage data roles too (a developer running the app against Azure); off for shared environments.')
param grantDeveloperAccess bool = false

@description('Object id of the federal office\'s service principal: Receiver on federal-handoff, Sender on federal-decisions. Empty: assign later.')
param federalOfficePrincipalId string = ''

@secure()
@minLength(32)
@description('HMAC secret shared with the federal office for the signed webhook (azd env set FEDERAL_WEBHOOK_SECRET ...).')
param federalWebhookSecret string

@secure()
@minLength(32)
@description('HMAC key of the exclusion registry\'s director fingerprints; set once, never changed (azd env set EXCLUSIONS_DIRECTOR_KEY ...).')
param exclusionsDirectorKey string

@secure()
@minLength(32)
@description('HMAC secret the payment service provider signs its callbacks with (azd env set PAYMENT_PROVIDER_WEBHOOK_SECRET ...).')
param paymentProviderWebhookSecret string

@description('Task hub of the durable workflows. Changing it orphans the instances in flight.')
param taskHubName string = 'permits'

@description('Real time of one policy day.')
param policyDayLength string = '1.00:00:00'

@description('Simulated outside parties the app may use, by name, comma-separated (Simulations__Enabled): none in production, where the app refuses to start while a party has no real adapter (docs/ports.md). A demo: authentic-sources,payment-provider,exclusions-seed,ebox.')
param simulations string = ''

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@minLength(36)
@maxLength(36)
@description('Application (client) id of the API\'s Entra ID app registration with the app roles employer, caseworker, manager, federal-office, inspector, public (docs/azure.md; azd env set AUTH_CLIENT_ID ...).')
param authClientId string

@description('Issuer of the access tokens: the tenant\'s v2.0 endpoint by default (the app registration must issue v2 tokens: requestedAccessTokenVersion 2).')
param authIssuer string = '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'

var tags = {
  'azd-env-name': environmentName
  workload: 'work-permits'
}
var token = toLower(uniqueString(subscription().id, environmentName, location))
var deploymentContainerName = 'app-package-${token}'

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  name: 'identity'
  params: {
    name: 'id-permits-${token}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-permits-${token}'
    applicationInsightsName: 'appi-permits-${token}'
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  scope: group
  name: 'storage'
  params: {
    name: 'st${token}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    appPrincipalId: identity.outputs.principalId
    developerPrincipalId: grantDeveloperAccess ? principalId : ''
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  scope: group
  name: 'servicebus'
  params: {
    name: 'sb-permits-${token}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    federalOfficePrincipalId: federalOfficePrincipalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: group
  name: 'keyvault'
  params: {
    name: 'kv-permits-${take(token, 12)}'
    location: location
    tags: tags
    appPrincipalId: identity.outputs.principalId
    federalWebhookSecret: federalWebhookSecret
    exclusionsDirectorKey: exclusionsDirectorKey
    paymentProviderWebhookSecret: paymentProviderWebhookSecret
  }
}

module functionApp 'modules/functionapp.bicep' = {
  scope: group
  name: 'functionapp'
  params: {
    planName: 'plan-permits-${token}'
    appName: 'func-permits-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    webhookSecretUri: keyVault.outputs.webhookSecretUri
    directorKeyUri: keyVault.outputs.directorKeyUri
    paymentProviderSecretUri: keyVault.outputs.paymentProviderSecretUri
    taskHubName: taskHubName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    policyDayLength: policyDayLength
    simulations: simulations
    authClientId: authClientId
    authIssuer: authIssuer
    authAllowedAudiences: ['api://${authClientId}', authClientId]
    // The webhooks authenticate by signature, the grounds are public; the pages are public files that sign people in
    // through App Service authentication themselves (their data comes from the API, which asks for a principal).
    authExcludedPaths: ['/api/federal/decisions', '/api/payments/provider-events', '/api/decision-grounds', '/api/reports', '/api/reports/*', '/', '/ui/*', '/workbench', '/workbench/*', '/portal', '/portal/*', '/dashboard', '/dashboard/*', '/api/healthz']
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = subscription().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}/api'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output TASK_HUB_NAME string = taskHubName
output SIMULATIONS string = simulations
