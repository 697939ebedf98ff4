{{/* The release's resource name: the service's name unless the release is named otherwise. */}}
{{- define "streamsuite.name" -}}
{{- required "Set service: fraud-detector, iot-aggregator or clickstream-recommender (e.g. -f helm/values/fraud-detector.yaml)" .Values.service -}}
{{- end -}}

{{- define "streamsuite.fullname" -}}
{{- if eq .Release.Name (include "streamsuite.name" .) -}}
{{- .Release.Name | trunc 52 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "streamsuite.name" .) | trunc 52 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "streamsuite.headless" -}}
{{- printf "%s-pods" (include "streamsuite.fullname" .) -}}
{{- end -}}

{{- define "streamsuite.selectorLabels" -}}
app.kubernetes.io/name: {{ include "streamsuite.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "streamsuite.labels" -}}
{{ include "streamsuite.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: streamsuite
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "streamsuite.image" -}}
{{- $repository := .Values.image.repository | default (printf "streamsuite/%s" (include "streamsuite.name" .)) -}}
{{- printf "%s:%s" $repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{/* The Kafka Streams application id, which is also the consumer group id. */}}
{{- define "streamsuite.applicationId" -}}
{{- include "streamsuite.name" . -}}
{{- end -}}

{{- define "streamsuite.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}{{ include "streamsuite.fullname" . }}{{- else -}}default{{- end -}}
{{- end -}}

{{/* Pod security meeting the Kubernetes "restricted" Pod Security Standard. */}}
{{- define "streamsuite.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "streamsuite.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* The Secret with the SCRAM credentials: the chosen one, or the KafkaUser's. */}}
{{- define "streamsuite.saslSecret" -}}
{{- .Values.kafka.sasl.existingSecret | default (ternary (include "streamsuite.fullname" .) "" .Values.kafkaUser.enabled) -}}
{{- end -}}

{{/* The service container's environment but for JAVA_TOOL_OPTIONS, which each container sets. */}}
{{- define "streamsuite.env" -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
# Interactive queries: other pods forward requests for this pod's keys here.
- name: STREAMSUITE_ADVERTISED_HOST
  value: "$(POD_NAME).{{ include "streamsuite.headless" . }}.$(POD_NAMESPACE).svc.{{ .Values.clusterDomain }}"
{{- if .Values.streams.staticMembership }}
# Static membership: Kafka Streams appends each stream thread's index.
- name: SPRING_KAFKA_STREAMS_PROPERTIES_GROUP_INSTANCE_ID
  value: "$(POD_NAME)"
{{- end }}
- name: SPRING_KAFKA_BOOTSTRAP_SERVERS
  value: {{ .Values.kafka.bootstrapServers | quote }}
- name: STREAMSUITE_REGISTRY_URL
  value: {{ .Values.registry.url | quote }}
- name: STREAMSUITE_REGISTRY_AUTOREGISTER
  value: {{ .Values.registry.autoRegister | quote }}
{{- with .Values.registry.auth.existingSecret }}
- name: STREAMSUITE_REGISTRY_PROPERTIES_APICURIO_AUTH_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.registry.auth.usernameKey }}
- name: STREAMSUITE_REGISTRY_PROPERTIES_APICURIO_AUTH_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $.Values.registry.auth.passwordKey }}
{{- end }}
- name: STREAMSUITE_TOPICS_CREATE
  value: {{ .Values.topics.create | quote }}
- name: STREAMSUITE_TOPICS_REPLICATIONFACTOR
  value: {{ .Values.topics.replicationFactor | quote }}
- name: SPRING_KAFKA_STREAMS_STATEDIR
  value: /var/lib/streamsuite/state
- name: SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STREAM_THREADS
  value: {{ .Values.streams.numStreamThreads | quote }}
- name: SPRING_KAFKA_STREAMS_PROPERTIES_NUM_STANDBY_REPLICAS
  value: {{ .Values.streams.numStandbyReplicas | quote }}
- name: STREAMSUITE_ROCKSDB_MEMORYMIB
  value: {{ .Values.streams.rocksdbMemoryMiB | quote }}
- name: STREAMSUITE_STREAMS_CLOSETIMEOUT
  value: "{{ .Values.streams.closeTimeoutSeconds }}s"
{{- if ne .Values.kafka.securityProtocol "PLAINTEXT" }}
- name: SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL
  value: {{ .Values.kafka.securityProtocol }}
{{- end }}
{{- if eq .Values.kafka.securityProtocol "SASL_SSL" }}
# SCRAM credentials come from the Secret; they never appear in the manifests.
- name: KAFKA_SASL_USERNAME
  {{- if .Values.kafka.sasl.existingSecret }}
  valueFrom:
    secretKeyRef:
      name: {{ (include "streamsuite.saslSecret" .) }}
      key: {{ .Values.kafka.sasl.usernameKey }}
  {{- else }}
  # The KafkaUser's name, which Strimzi makes its SCRAM user name.
  value: {{ (include "streamsuite.saslSecret" .) }}
  {{- end }}
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ (include "streamsuite.saslSecret" .) }}
      key: {{ .Values.kafka.sasl.passwordKey }}
- name: SPRING_KAFKA_PROPERTIES_SASL_MECHANISM
  value: {{ .Values.kafka.sasl.mechanism }}
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  value: 'org.apache.kafka.common.security.scram.ScramLoginModule required username="$(KAFKA_SASL_USERNAME)" password="$(KAFKA_SASL_PASSWORD)";'
{{- end }}
{{- if .Values.kafka.tls.caSecret }}
- name: SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE
  value: PEM
- name: SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION
  value: /etc/streamsuite/kafka-ca/{{ .Values.kafka.tls.caKey }}
{{- end }}
{{- if .Values.kafka.tls.clientSecret }}
- name: SPRING_KAFKA_PROPERTIES_SSL_KEYSTORE_TYPE
  value: PKCS12
- name: SPRING_KAFKA_PROPERTIES_SSL_KEYSTORE_LOCATION
  value: /etc/streamsuite/kafka-client/{{ .Values.kafka.tls.keystoreKey }}
- name: SPRING_KAFKA_PROPERTIES_SSL_KEYSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.tls.clientSecret }}
      key: {{ .Values.kafka.tls.keystorePasswordKey }}
{{- end }}
{{- range $key, $value := .Values.env }}
- name: {{ $key }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* Where the class-data-sharing archive lives (jvm.classDataSharing). */}}
{{- define "streamsuite.classDataArchive" -}}
/var/cache/streamsuite/app.jsa
{{- end -}}
