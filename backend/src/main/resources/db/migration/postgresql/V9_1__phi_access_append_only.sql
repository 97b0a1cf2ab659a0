-- An access log that can be edited proves nothing: refuse UPDATE and DELETE on it.
CREATE FUNCTION phi_access_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'phi_access is append-only';
END $$ LANGUAGE plpgsql;

CREATE TRIGGER phi_access_append_only BEFORE UPDATE OR DELETE ON phi_access
    FOR EACH ROW EXECUTE FUNCTION phi_access_is_append_only();
