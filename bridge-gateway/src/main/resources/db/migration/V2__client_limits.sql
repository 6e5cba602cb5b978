-- Container limits of the client's instance, instead of its backend profile's; null keeps the profile's.
ALTER TABLE client ADD COLUMN memory_limit VARCHAR(32);
ALTER TABLE client ADD COLUMN cpu_limit DOUBLE PRECISION;
