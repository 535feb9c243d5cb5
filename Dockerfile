# syntax=docker/dockerfile:1
# Huiqi 惠企: build the jar, then run it on a JRE. Default profile: mysql (see docker/compose.yml).
#   docker build -t huiqi .

FROM node:22-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-17 AS build
# the build lints the models and bundles the rules page's editor with npm (frontend/): Node.js 20+,
# taken from the official image (the distribution's nodejs package is older)
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
WORKDIR /src
# what the pom builds from: pom.xml, src/, the model folders bpmn/ and dmn/, and frontend/
COPY pom.xml ./
COPY bpmn ./bpmn
COPY dmn ./dmn
COPY frontend ./frontend
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app --shell /usr/sbin/nologin huiqi \
 && install -d -o huiqi -g huiqi /app
WORKDIR /app
COPY --from=build /src/target/huiqi-0.1.0-SNAPSHOT.jar /app/huiqi.jar
USER huiqi
ENV SPRING_PROFILES_ACTIVE=mysql \
    TZ=Asia/Shanghai \
    LANG=C.UTF-8
EXPOSE 8080
ENTRYPOINT ["java","-jar","/app/huiqi.jar"]
