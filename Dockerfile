# Production image: gunicorn for the web, the same image for the worker and the scheduler.
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 OCMC_VAR_DIR=/var/lib/money-claims
RUN apt-get update && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-liberation \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
COPY --from=assets /app/node_modules ./node_modules
RUN pip install --no-cache-dir -e . && python manage.py collectstatic --noinput -v0 \
    && useradd --system --home /app money-claims && mkdir -p $OCMC_VAR_DIR && chown money-claims $OCMC_VAR_DIR
USER money-claims
EXPOSE 8000
CMD ["gunicorn", "ocmc.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
