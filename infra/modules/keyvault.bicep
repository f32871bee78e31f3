// Key Vault with RBAC authorisation for the app's secrets: the federal webhook's and the payment provider's HMAC secrets
// and the key of the exclusion registry's director fingerprints. The app reads them through Key Vault reference app settings, resolved by
// the platform with the app's user-assigned identity (keyVaultReferenceIdentity), which gets Key Vault Secrets User on
// those secrets only.

param name string
param location string
param tags object

@description('Principal id of the app identity.')
param appPrincipalId string

@secure()
@minLength(32)
@description('The HMAC secret shared with the federal office for POST /api/federal/decisions.')
param federalWebhookSecret string

@secure()
@minLength(32)
@description('The HMAC key of the exclusion registry\'s director fingerprints (INSZ/BIS numbers are kept in tables only as such). Changing it makes every recorded director unfindable.')
param exclusionsDirectorKey string

@secure()
@description('The HMAC secret the payment service provider signs its callbacks with.')
param paymentProviderWebhookSecret string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource webhookSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'federal-webhook-secret'
  properties: {
    value: federalWebhookSecret
    contentType: 'HMAC-SHA256 key for X-Federal-Signature'
  }
}

resource appReadsSecret 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(webhookSecret.id, appPrincipalId, keyVaultSecretsUser)
  scope: webhookSecret
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource directorKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'exclusions-director-key'
  properties: {
    value: exclusionsDirectorKey
    contentType: 'HMAC-SHA256 key for the fingerprints of excluded directors'
  }
}

resource appReadsDirectorKey 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(directorKey.id, appPrincipalId, keyVaultSecretsUser)
  scope: directorKey
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource paymentProviderSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'payment-provider-webhook-secret'
  properties: {
    value: paymentProviderWebhookSecret
    contentType: 'HMAC-SHA256 key for X-Payment-Signature'
  }
}

resource appReadsPaymentProviderSecret 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(paymentProviderSecret.id, appPrincipalId, keyVaultSecretsUser)
  scope: paymentProviderSecret
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
// Versionless: the app picks up a rotated secret (the platform re-reads references within a day, or on restart).
output webhookSecretUri string = '${vault.properties.vaultUri}secrets/${webhookSecret.name}'
output directorKeyUri string = '${vault.properties.vaultUri}secrets/${directorKey.name}'
output paymentProviderSecretUri string = '${vault.properties.vaultUri}secrets/${paymentProviderSecret.name}'
