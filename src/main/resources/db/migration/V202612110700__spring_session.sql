-- Sessions of staff and debtors in PostgreSQL (Spring Session JDBC, docs/scaling.md): any node serves any request, and
-- a node that stops signs nobody out. The tables are Spring Session's own (its schema-postgresql.sql), made here by
-- Flyway rather than by Spring's schema initialiser; only PRINCIPAL_NAME is wider, since a login is an e-mail address
-- of up to 254 characters and Spring's 100 would refuse a long one at sign-in. Expired sessions are deleted by Spring
-- Session's cleanup (spring.session.jdbc.cleanup-cron), on every node: a plain delete of what expired, safe to run twice.
create table spring_session (
    primary_id char(36) not null,
    session_id char(36) not null,
    creation_time bigint not null,
    last_access_time bigint not null,
    max_inactive_interval int not null,
    expiry_time bigint not null,
    principal_name varchar(320),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name varchar(200) not null,
    attribute_bytes bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id)
        on delete cascade
);
