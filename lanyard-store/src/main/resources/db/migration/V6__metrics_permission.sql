-- METRICS_READ (GET /api/v1/metrics) for the built-in roles of existing installations, as
-- BuiltinRoles defines them for new ones: the owner, the administrators and Elevated.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r
JOIN (SELECT 'system-owner' AS role_id, 'METRICS_READ' AS permission
      UNION ALL SELECT 'system-administrator', 'METRICS_READ'
      UNION ALL SELECT 'elevated', 'METRICS_READ') p ON p.role_id = r.id
WHERE NOT EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role_id = r.id AND rp.permission = p.permission);
