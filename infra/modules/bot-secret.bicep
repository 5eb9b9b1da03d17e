// Single-tenant bots only: the app registration's client secret lives in Key Vault. The app setting
// Bot__ClientSecret is a Key Vault reference that App Service resolves with the app's identity,
// which may read secrets in this vault (Key Vault Secrets User) and nothing more.
param name string
param location string
param tags object

@secure()
param secretValue string

@description('The principal (object) id of the app\'s managed identity.')
param principalId string

// Built-in role: Key Vault Secrets User (read secret contents).
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-client-secret'
  properties: {
    value: secretValue
    contentType: 'text/plain'
  }
}

resource secretsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Without a version: App Service follows the latest version of the secret after a rotation.
output secretUri string = secret.properties.secretUri
