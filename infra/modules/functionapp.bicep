// The Function App on Flex Consumption (FC1), .NET 10 isolated worker, running as the user-assigned identity: the
// host's storage, the app's storage, Service Bus, Application Insights and the Key Vault reference all authenticate
// with it. Flex Consumption sets the runtime in functionAppConfig (FUNCTIONS_WORKER_RUNTIME and
// FUNCTIONS_EXTENSION_VERSION are not app settings there) and deploys from a blob container.

param planName string
param appName string
param location string
param tags object

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

param storageAccountName string
param storageBlobEndpoint string
param deploymentContainerName string

param serviceBusFullyQualifiedNamespace string
param applicationInsightsConnectionString string

@description('Versionless URI of the webhook secret in Key Vault.')
param webhookSecretUri string

@description('Key Vault URI of the exclusion registry\'s director fingerprint key.')
param directorKeyUri string

@description('Versionless URI of the payment provider\'s callback secret in Key Vault.')
param paymentProviderSecretUri string

@description('Task hub of the durable workflows (host.json reads it as %TaskHubName%).')
param taskHubName string

@description('Instances Flex Consumption may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Real time of one policy day (Workflow:PolicyDayLength); 1.00:00:00 in production.')
param policyDayLength string

@description('Simulated outside parties by name, comma-separated (Simulations:Enabled); empty in production (docs/ports.md).')
param simulations string

@description('Application (client) id of the API\'s Entra ID app registration, whose app roles are the API\'s roles (docs/azure.md).')
param authClientId string

@description('Issuer of the Entra ID tokens App Service authentication accepts, e.g. https://login.microsoftonline.com/<tenant id>/v2.0.')
param authIssuer string

@description('Audiences of the access tokens App Service authentication accepts.')
param authAllowedAudiences array

@description('Paths App Service authentication lets through without a token: the HMAC-signed federal and payment-provider webhooks, the public decision grounds and the health check.')
param authExcludedPaths array

var appSettings = {
  // Host storage (task hub, leases, timers) and the app's data, identity-based: no shared key exists.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  TaskHubName: taskHubName

  // Telemetry: OpenTelemetry (host.json telemetryMode) to Application Insights with Entra ID authentication.
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

  // Federal handoff, federal decisions and SLA alerts on Service Bus, identity-based.
  Messaging__Transport: 'ServiceBus'
  ServiceBus__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
  ServiceBus__credential: 'managedidentity'
  ServiceBus__clientId: identityClientId
  FederalDecisionsDrainSchedule: '*/10 * * * * *'
  SlaAlertsDrainSchedule: '*/30 * * * * *'
  RetentionSchedule: '0 0 * * * *'
  RecognitionStartSchedule: '0 * * * * *'
  Retention__HistoryAfter: '30.00:00:00'
  Retention__DossierAfter: '3653.00:00:00'
  'AzureWebJobs.FederalDecisionsFromStorageQueue.Disabled': 'true'
  'AzureWebJobs.SlaAlertsFromStorageQueue.Disabled': 'true'

  // The webhook's HMAC secret, resolved from Key Vault with keyVaultReferenceIdentity.
  FederalWebhook__Secret: '@Microsoft.KeyVault(SecretUri=${webhookSecretUri})'
  FederalWebhook__ReplayWindow: '00:05:00'

  // The key of the exclusion registry's director fingerprints; the app refuses to start without it.
  Exclusions__DirectorKey: '@Microsoft.KeyVault(SecretUri=${directorKeyUri})'

  // The payment service provider's callback secret (its signed callbacks are the only way a fee becomes paid).
  PaymentProvider__WebhookSecret: '@Microsoft.KeyVault(SecretUri=${paymentProviderSecretUri})'
  PaymentProvider__ReplayWindow: '00:05:00'

  // The pages are served from the root (host.json's route prefix is empty): no Functions welcome page there.
  AzureWebJobsDisableHomepage: 'true'

  Workflow__PolicyDayLength: policyDayLength

  // Simulated outside parties, opted in by name; empty: the app refuses to start while a party has no real adapter.
  Simulations__Enabled: simulations
  Letters__InfoDeskUrl: 'https://www.yourfutureinflanders.be'
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: appSettings
}

// App Service authentication (Easy Auth) with Entra ID: every request needs a valid access token for the API's app
// registration or a session of a person signed in through /.auth/login/aad (401 otherwise), except the excluded paths.
// The platform forwards the validated principal in X-MS-CLIENT-PRINCIPAL and sets WEBSITE_AUTH_ENABLED; the functions
// map its app roles to the API's roles and evaluate the same policies as the local host. The pages sign people in with
// the ID-token flow (no client secret: the app registration allows ID tokens and the /.auth/login/aad/callback
// redirect URI); the session cookie is same-site, and every API command asks for a JSON body, which a cross-site form
// cannot send without a preflight the app never grants. No token store: the pages never read tokens.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: authExcludedPaths
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: authIssuer
        }
        validation: {
          allowedAudiences: authAllowedAudiences
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

// No publishing with basic (user name and password) credentials: azd deploys with Entra ID.
resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
output settingNames array = objectKeys(appSettings)
