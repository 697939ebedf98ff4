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
