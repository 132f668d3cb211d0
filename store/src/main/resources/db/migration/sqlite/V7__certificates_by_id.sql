-- A device presents its certificate without naming its account: the MQTT gateway finds the scopes
-- that registered a certificate id on every connect.
CREATE INDEX certificates_by_id
  ON certificates (certificate_id);
