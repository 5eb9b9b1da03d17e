// The app's secrets: the export's pseudonym key (always) and, for a single-tenant bot, the app
// registration's client secret. The app settings Export__PseudonymSecret and Bot__ClientSecret are
// Key Vault references that App Service resolves with the app's identity, which may read secrets in
// this vault (Key Vault Secrets User) and nothing more. Purge protection: a deleted vault or secret
// can be recovered for 90 days and cannot be purged before, so the pseudonym key cannot be lost by
// a mistake (a new key would give every respondent a new pseudonym).
param name string
param location string
param tags object

@description('The principal (object) id of the app\'s managed identity.')
param principalId string

@secure()
@description('The key of the respondent pseudonyms: generated once by azd and sent unchanged on every provision.')
param pseudonymSecret string

@description('Whether to keep a bot client secret (single-tenant bots).')
param storeBotClientSecret bool = false

@secure()
@description('The single-tenant app registration\'s client secret; unused otherwise.')
param botClientSecret string = ''

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
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource exportPseudonymSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'export-pseudonym-secret'
  properties: {
    value: pseudonymSecret
    contentType: 'text/plain'
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (storeBotClientSecret) {
  parent: vault
  name: 'bot-client-secret'
  properties: {
    value: botClientSecret
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

// Without a version: App Service follows the latest version of a secret after a rotation.
output pseudonymSecretUri string = exportPseudonymSecret.properties.secretUri
output botClientSecretUri string = storeBotClientSecret ? '${vault.properties.vaultUri}secrets/${botSecret.name}' : ''
