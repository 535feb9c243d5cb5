package cn.huiqi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HuiqiApplication {

    public static void main(String[] args) {
        SpringApplication.run(HuiqiApplication.class, args);
    }
}
